package io.github.eventsgateway.api.dashboard;

import java.time.Duration;
import java.time.Instant;

import io.github.eventsgateway.api.status.Staleness;
import io.github.eventsgateway.store.PollerStatus;

/**
 * The poller's health as the dashboard shows it.
 *
 * @param leader the instance that last polled as leader
 * @param leaseHolder the instance holding the poller lease now, {@code null} when none
 * @param state what the leader is doing, such as {@code POLLING}
 * @param lastPollOutcome how the last poll ended, such as {@code 200}
 * @param lastSuccessAt when the last successful poll ended
 * @param lagSeconds how far the newest stored event lies behind now
 * @param eventsStored events stored since the store began
 * @param rateLimitRemaining requests left in GitHub's budget
 * @param rateLimitLimit the hourly budget
 * @param rateLimitResetAt when the budget resets
 * @param pollIntervalSeconds the interval between polls
 * @param suspectedGaps polls whose pages did not reach back to events already stored
 * @param lastError the last error, one line
 * @param stale whether no poll ever succeeded or the last successful one is older than
 * three poll intervals (and {@code gateway.api.stale-after-minimum}), the same rule as
 * {@code GET /api/v1/poller/status}
 */
record PollerHealth(String leader, String leaseHolder, String state, String lastPollOutcome, Instant lastSuccessAt,
		Long lagSeconds, Long eventsStored, Long rateLimitRemaining, Long rateLimitLimit, Instant rateLimitResetAt,
		Long pollIntervalSeconds, Long suspectedGaps, String lastError, boolean stale) {

	static PollerHealth of(PollerStatus status, Instant now, Duration staleAfterMinimum) {
		Duration lag = status.lag(now);
		Duration interval = status.pollInterval();
		return new PollerHealth(status.leader(), status.leaseHolder(), status.state(), status.lastPollOutcome(),
				status.lastSuccessAt(), (lag != null) ? lag.toSeconds() : null, status.eventsStored(),
				status.rateLimitRemaining(), status.rateLimitLimit(), status.rateLimitResetAt(),
				(interval != null) ? interval.toSeconds() : null, status.suspectedGaps(), status.lastError(),
				new Staleness(staleAfterMinimum).isStale(status, now));
	}

}
