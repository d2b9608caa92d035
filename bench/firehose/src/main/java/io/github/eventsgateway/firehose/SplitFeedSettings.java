package io.github.eventsgateway.firehose;

import java.time.Duration;

/**
 * How the split feed behaves (ignored by the classic feed). The defaults are the feed as
 * measured in 2026.
 *
 * @param pushRate events per second of the push stream (page 1)
 * @param otherRate events per second of the other stream (pages 2 and 3)
 * @param visibilityDelayMin the shortest delay between an event's created_at and its
 * showing
 * @param visibilityDelayMax the longest delay of an event that is not late
 * @param lateShare the share of events, 0 to 1, delayed beyond {@code visibilityDelayMax}
 * @param lateDelayMax the longest delay of a late event
 * @param surfaceDepth how far below the top of its stream a late event may surface
 */
public record SplitFeedSettings(double pushRate, double otherRate, Duration visibilityDelayMin,
		Duration visibilityDelayMax, double lateShare, Duration lateDelayMax, int surfaceDepth) {

	/**
	 * The 2026 feed: 200 and 50 events/s, 0 to 10 s of delay, 0.5 % up to 10 minutes
	 * late.
	 */
	public static final SplitFeedSettings DEFAULTS = new SplitFeedSettings(200, 50, Duration.ZERO,
			Duration.ofSeconds(10), 0.005, Duration.ofMinutes(10), 20);

	public SplitFeedSettings {
		if (pushRate < 0 || otherRate < 0) {
			throw new IllegalArgumentException("Stream rates must not be negative");
		}
		if (visibilityDelayMin.isNegative() || visibilityDelayMax.compareTo(visibilityDelayMin) < 0) {
			throw new IllegalArgumentException("Visibility delays need 0 <= min <= max");
		}
		if (lateShare < 0 || lateShare > 1) {
			throw new IllegalArgumentException("lateShare must lie between 0 and 1");
		}
		if (lateShare > 0 && lateDelayMax.compareTo(visibilityDelayMax) <= 0) {
			throw new IllegalArgumentException("lateDelayMax must exceed visibilityDelayMax");
		}
		if (surfaceDepth < 0) {
			throw new IllegalArgumentException("surfaceDepth must not be negative");
		}
	}

}
