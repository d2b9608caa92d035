package io.github.eventsgateway.api.timeline;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import io.github.eventsgateway.api.capture.CaptureView;
import io.github.eventsgateway.store.Timeline;

/**
 * A timeline as the API returns it: the start of each bucket and, per event type with
 * events in the window, its count in each bucket.
 *
 * @param offsetMinutes the minutes asked for
 * @param bucketMinutes the length of a bucket in minutes
 * @param from the start of the first bucket (exclusive)
 * @param to the end of the last bucket (inclusive)
 * @param buckets the start of each bucket, oldest first
 * @param series per type, its count in each bucket; the busiest type first, only types
 * with events, empty when there are none
 * @param total the events in the whole window
 * @param capture how complete the window is: per stream of the feed, the share of its
 * events the poller stored, and whether late events are still expected
 */
public record TimelineView(int offsetMinutes, int bucketMinutes, Instant from, Instant to, List<Instant> buckets,
		Map<String, long[]> series, long total, CaptureView capture) {

	static TimelineView of(TimelineWindow window, Timeline timeline, CaptureView capture) {
		Map<String, long[]> series = new LinkedHashMap<>();
		timeline.counts()
			.entrySet()
			.stream()
			.sorted(Comparator.comparingLong((Map.Entry<String, long[]> entry) -> -sum(entry.getValue()))
				.thenComparing(Map.Entry::getKey))
			.forEach((entry) -> series.put(entry.getKey(), entry.getValue()));
		long total = series.values().stream().mapToLong(TimelineView::sum).sum();
		return new TimelineView(window.offsetMinutes(), window.bucketMinutes(), window.from(), window.to(),
				window.bucketStarts(), series, total, capture);
	}

	/** Whether the window holds no event at all (not a JSON property: not public). */
	boolean hasNoEvents() {
		return this.total == 0;
	}

	private static long sum(long[] counts) {
		return LongStream.of(counts).sum();
	}

}
