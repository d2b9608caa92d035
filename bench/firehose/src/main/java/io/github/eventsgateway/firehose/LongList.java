package io.github.eventsgateway.firehose;

import java.util.Arrays;

/**
 * A growable array of primitive longs: the ledger keeps hundreds of thousands of ids and
 * times, 8 bytes each instead of a boxed {@code Long} and a list slot.
 */
final class LongList {

	private long[] values = new long[1024];

	private int size;

	void add(long value) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.values.length * 2);
		}
		this.values[this.size++] = value;
	}

	long get(int index) {
		if (index >= this.size) {
			throw new IndexOutOfBoundsException(index);
		}
		return this.values[index];
	}

	int size() {
		return this.size;
	}

	long[] toArray() {
		return Arrays.copyOf(this.values, this.size);
	}

}
