package io.github.eventsgateway.poller.pacing;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the wait doubles with each consecutive failure up to a
 * cap, and a random part keeps several pollers (or restarts) from retrying in step.
 */
public final class Backoff {

	private final Duration initial;

	private final Duration max;

	private final DoubleSupplier random;

	/**
	 * Creates a backoff.
	 * @param initial the wait after the first failure (before jitter)
	 * @param max the longest wait
	 * @param random numbers in [0, 1) for the jitter
	 */
	public Backoff(Duration initial, Duration max, DoubleSupplier random) {
		this.initial = initial;
		this.max = max;
		this.random = random;
	}

	/**
	 * The wait after some consecutive failures: between half and all of
	 * {@code initial × 2^(failures-1)}, never more than the cap.
	 * @param failures consecutive failures, at least 1
	 * @return the wait
	 */
	public Duration afterFailures(int failures) {
		Duration full = exponential(this.initial, failures, this.max);
		return jittered(full, 0.5);
	}

	/**
	 * The wait after consecutive secondary rate limits: at least {@code minimum},
	 * doubling each time, plus up to a quarter more of jitter, capped at eight times the
	 * minimum or the backoff cap, whichever is longer.
	 * @param limits consecutive secondary limits, at least 1
	 * @param minimum the shortest wait (GitHub asks for at least a minute)
	 * @return the wait
	 */
	public Duration afterSecondaryLimits(int limits, Duration minimum) {
		Duration cap = (this.max.compareTo(minimum.multipliedBy(8)) > 0) ? this.max : minimum.multipliedBy(8);
		Duration base = exponential(minimum, limits, cap);
		return base.plusMillis((long) (base.toMillis() * 0.25 * this.random.getAsDouble()));
	}

	private Duration jittered(Duration full, double fixedPart) {
		long millis = full.toMillis();
		long fixed = (long) (millis * fixedPart);
		return Duration.ofMillis(fixed + (long) ((millis - fixed) * this.random.getAsDouble()));
	}

	private static Duration exponential(Duration start, int times, Duration cap) {
		Duration wait = start;
		for (int i = 1; i < times && wait.compareTo(cap) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(cap) > 0) ? cap : wait;
	}

}
