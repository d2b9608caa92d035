package io.github.eventsgateway.firehose;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * How long after its created_at each event shows: drawn per event, uniform between a
 * shortest and a longest delay, except that a share of events is late, uniform between
 * that longest delay and a much longer one. A fixed delay draws nothing.
 */
final class VisibilityDelays {

	private final long minNanos;

	private final long maxNanos;

	private final double lateShare;

	private final long lateMaxNanos;

	private VisibilityDelays(Duration min, Duration max, double lateShare, Duration lateMax) {
		this.minNanos = min.toNanos();
		this.maxNanos = max.toNanos();
		this.lateShare = lateShare;
		this.lateMaxNanos = lateMax.toNanos();
	}

	/** The classic feed's: the same delay for every event, none late. */
	static VisibilityDelays fixed(Duration delay) {
		return new VisibilityDelays(delay, delay, 0, delay);
	}

	static VisibilityDelays of(SplitFeedSettings split) {
		return new VisibilityDelays(split.visibilityDelayMin(), split.visibilityDelayMax(), split.lateShare(),
				split.lateDelayMax());
	}

	/**
	 * Draws one event's delay.
	 * @param random the dice
	 * @return the delay in nanoseconds
	 */
	long draw(SplittableRandom random) {
		if (this.lateShare > 0 && random.nextDouble() < this.lateShare) {
			return uniform(random, this.maxNanos + 1, this.lateMaxNanos);
		}
		return uniform(random, this.minNanos, this.maxNanos);
	}

	/** Whether a delay makes its event late, so that it surfaces below the top. */
	boolean isLate(long delayNanos) {
		return delayNanos > this.maxNanos;
	}

	private static long uniform(SplittableRandom random, long from, long to) {
		return (to <= from) ? from : random.nextLong(from, to + 1);
	}

}
