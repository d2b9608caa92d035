package io.github.eventsgateway.api.counts;

import java.time.Instant;
import java.util.Map;

import io.github.eventsgateway.api.capture.CaptureView;

/**
 * The answer of the counts endpoint.
 *
 * @param offsetMinutes the window's length
 * @param from the window's start (exclusive), to the second
 * @param to the window's end (inclusive), to the second
 * @param total the sum of the counts listed
 * @param counts events per type, most frequent first
 * @param capture how complete the window is: per stream of the feed, the share of its
 * events the poller stored, and whether late events are still expected
 */
public record EventCounts(long offsetMinutes, Instant from, Instant to, long total, Map<String, Long> counts,
		CaptureView capture) {

}
