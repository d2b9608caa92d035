package io.github.eventsgateway.api.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.github.eventsgateway.store.PollerStatus;

/**
 * The answer of the poller status endpoint: what the poller reports, as of now.
 *
 * @param leader the instance that last polled as leader
 * @param leaseHolder the instance holding the poller lease now, {@code null} when none
 * @param state what the leader is doing, such as {@code POLLING}
 * @param lastPollAt when the last poll ended
 * @param lastPollOutcome how it ended: {@code 200}, {@code 304}, {@code 403},
 * {@code 429}, {@code 5xx} or {@code error}
 * @param lastSuccessAt when the last poll answered 200 or 304 ended
 * @param eventsStored events stored since the store began
 * @param duplicatesSkipped events received again and not counted twice
 * @param newestEventAt the newest created_at stored
 * @param lagSeconds how far the newest event lies behind now
 * @param rateLimit GitHub's rate limit as last seen
 * @param pollIntervalSeconds the interval between polls the poller keeps now
 * @param suspectedGaps polls whose pages did not reach back to events already stored
 * @param tokens how many GitHub tokens are usable (0 when polling anonymously)
 * @param lastError the last error, one line
 * @param lastErrorAt when it happened
 * @param stale whether the last successful poll is missing or older than three poll
 * intervals (and the configured minimum)
 */
record PollerStatusView(String leader, String leaseHolder, String state, Instant lastPollAt, String lastPollOutcome,
		Instant lastSuccessAt, Long eventsStored, Long duplicatesSkipped, Instant newestEventAt, Long lagSeconds,
		RateLimit rateLimit, Long pollIntervalSeconds, Long suspectedGaps, Integer tokens, String lastError,
		Instant lastErrorAt, boolean stale) {

	static PollerStatusView of(PollerStatus status, Instant now, boolean stale) {
		Duration lag = status.lag(now);
		Duration interval = status.pollInterval();
		return new PollerStatusView(status.leader(), status.leaseHolder(), status.state(), seconds(status.lastPollAt()),
				status.lastPollOutcome(), seconds(status.lastSuccessAt()), status.eventsStored(),
				status.duplicatesSkipped(), seconds(status.newestEventAt()), (lag != null) ? lag.toSeconds() : null,
				new RateLimit(status.rateLimitRemaining(), status.rateLimitLimit(), seconds(status.rateLimitResetAt())),
				(interval != null) ? interval.toSeconds() : null, status.suspectedGaps(), status.tokens(),
				status.lastError(), seconds(status.lastErrorAt()), stale);
	}

	/** Every time in the API is whole seconds, such as 2026-11-23T10:15:00Z. */
	private static Instant seconds(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.SECONDS) : null;
	}

	/**
	 * GitHub's rate limit of the token used last.
	 *
	 * @param remaining requests left
	 * @param limit the hourly budget
	 * @param resetAt when the budget resets
	 */
	record RateLimit(Long remaining, Long limit, Instant resetAt) {

	}

}
