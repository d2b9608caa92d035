package io.github.eventsgateway.firehose;

import java.util.Arrays;
import java.util.stream.LongStream;

/**
 * An immutable set of event ids, kept as a sorted array of primitive longs so that a
 * ledger of half a million events can be handed out and compared cheaply.
 */
public final class IdSet {

	private static final IdSet EMPTY = new IdSet(new long[0]);

	private final long[] sorted;

	private IdSet(long[] sorted) {
		this.sorted = sorted;
	}

	/**
	 * A set of the given ids (duplicates collapse).
	 * @param ids the ids, in any order; the array is not kept
	 * @return the set
	 */
	public static IdSet of(long... ids) {
		if (ids.length == 0) {
			return EMPTY;
		}
		long[] sorted = ids.clone();
		Arrays.sort(sorted);
		int distinct = 1;
		for (int i = 1; i < sorted.length; i++) {
			if (sorted[i] != sorted[distinct - 1]) {
				sorted[distinct++] = sorted[i];
			}
		}
		return new IdSet((distinct == sorted.length) ? sorted : Arrays.copyOf(sorted, distinct));
	}

	public boolean contains(long id) {
		return Arrays.binarySearch(this.sorted, id) >= 0;
	}

	public int size() {
		return this.sorted.length;
	}

	public boolean isEmpty() {
		return this.sorted.length == 0;
	}

	/** The ids in ascending order. */
	public LongStream stream() {
		return Arrays.stream(this.sorted);
	}

	/** The ids in ascending order, a copy. */
	public long[] toArray() {
		return this.sorted.clone();
	}

	/**
	 * The ids of this set that the other does not hold.
	 * @param other the ids to leave out
	 * @return a new set
	 */
	public IdSet minus(IdSet other) {
		return new IdSet(stream().filter((id) -> !other.contains(id)).toArray());
	}

	/**
	 * How many of this set's ids the other holds too.
	 * @param other the other set
	 * @return the size of the intersection
	 */
	public int countIn(IdSet other) {
		return (int) stream().filter(other::contains).count();
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof IdSet that) && Arrays.equals(this.sorted, that.sorted);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.sorted);
	}

	@Override
	public String toString() {
		return "IdSet"
				+ ((this.sorted.length <= 10) ? Arrays.toString(this.sorted) : "[" + this.sorted.length + " ids]");
	}

}
