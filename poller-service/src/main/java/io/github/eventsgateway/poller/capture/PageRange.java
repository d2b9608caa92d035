package io.github.eventsgateway.poller.capture;

import java.util.List;
import java.util.stream.IntStream;

import io.github.eventsgateway.store.StreamIds;

/**
 * The pages of {@code /events} that show one stream, top first.
 *
 * @param top the first page
 * @param bottom the last page
 */
record PageRange(int top, int bottom) {

	/** How many pages. */
	int depth() {
		return this.bottom - this.top + 1;
	}

	/** The stream's id, as stored and shown: {@code p1}, {@code p2-3}. */
	String id() {
		return StreamIds.of(this.top, this.bottom);
	}

	List<Integer> pages() {
		return IntStream.rangeClosed(this.top, this.bottom).boxed().toList();
	}

}
