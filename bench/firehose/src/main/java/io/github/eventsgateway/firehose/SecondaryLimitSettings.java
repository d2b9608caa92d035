package io.github.eventsgateway.firehose;

import java.time.Duration;

/**
 * GitHub's secondary rate limit, per credential: at most {@code perWindow} requests in
 * any sliding {@code window} (every request counts, 304s too) and at most
 * {@code maxConcurrent} requests at once. Benchmarks that compress time shorten the
 * window; the {@code retry-after} scales with it.
 *
 * @param perWindow the requests allowed in any sliding window (GitHub: 900 a minute)
 * @param window the sliding window
 * @param maxConcurrent the requests allowed in flight at once
 * @param status the status of the refusal: 403 or 429
 */
public record SecondaryLimitSettings(int perWindow, Duration window, int maxConcurrent, int status) {

	/** GitHub's: 900 requests a minute, 100 at once, 403. */
	public static final SecondaryLimitSettings DEFAULTS = new SecondaryLimitSettings(900, Duration.ofSeconds(60), 100,
			403);

	public SecondaryLimitSettings {
		if (perWindow < 1 || maxConcurrent < 1) {
			throw new IllegalArgumentException("Secondary limits must allow at least one request");
		}
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("The secondary window must be positive");
		}
		if (status != 403 && status != 429) {
			throw new IllegalArgumentException("The secondary limit's status must be 403 or 429");
		}
	}

	/**
	 * The {@code retry-after} of a refusal: GitHub's 60 s for its one-minute window, as
	 * long as the window here (at least one second).
	 */
	public long retryAfterSeconds() {
		return Math.max(1, (this.window.toMillis() + 999) / 1000);
	}

}
