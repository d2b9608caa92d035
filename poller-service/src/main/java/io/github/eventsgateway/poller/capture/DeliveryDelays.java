package io.github.eventsgateway.poller.capture;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

import io.github.eventsgateway.store.GitHubEvent;

/**
 * How late events reach the feed: for each event the poller sees for the first time, the
 * time from its created_at to the read that brought it, over the most recent events.
 * GitHub delays public events by minutes, sometimes hours; readers use the quantiles to
 * tell a window that is still settling (late events are still expected) from one that is
 * complete. Not thread safe: the capture loop is its only user.
 */
final class DeliveryDelays {

	private static final int SAMPLES = 5000;

	/** Ids seen lately, to measure each event once: more than the feed's 300 visible. */
	private static final int REMEMBERED_IDS = 20_000;

	private final long[] delaysMillis = new long[SAMPLES];

	private final LinkedHashSet<String> seen = new LinkedHashSet<>();

	private int count;

	private int next;

	/**
	 * Measures the events of a read that were not seen before.
	 * @param events the events read
	 * @param readAt when they were read
	 */
	void observe(List<GitHubEvent> events, Instant readAt) {
		for (GitHubEvent event : events) {
			if (this.seen.add(event.id())) {
				this.delaysMillis[this.next] = Math.max(0, Duration.between(event.createdAt(), readAt).toMillis());
				this.next = (this.next + 1) % SAMPLES;
				this.count = Math.min(SAMPLES, this.count + 1);
				if (this.seen.size() > REMEMBERED_IDS) {
					Iterator<String> oldest = this.seen.iterator();
					oldest.next();
					oldest.remove();
				}
			}
		}
	}

	/**
	 * A quantile of the delays measured.
	 * @param quantile such as 0.99
	 * @return the delay, or {@code null} before any was measured
	 */
	Duration quantile(double quantile) {
		if (this.count == 0) {
			return null;
		}
		long[] sorted = Arrays.copyOf(this.delaysMillis, this.count);
		Arrays.sort(sorted);
		int index = (int) Math.min(this.count - 1, Math.ceil(quantile * this.count) - 1);
		return Duration.ofMillis(sorted[Math.max(0, index)]);
	}

}
