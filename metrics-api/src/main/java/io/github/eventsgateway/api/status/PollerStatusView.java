package io.github.eventsgateway.api.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.github.eventsgateway.store.CredentialState;
import io.github.eventsgateway.store.PollerStatus;
import io.github.eventsgateway.store.StreamState;

/**
 * The poller's status as the API shows it, as of now: the status endpoint's answer and
 * what the dashboard shows. Never holds a secret.
 *
 * @param leader the instance that last reported as leader
 * @param leaseHolder the instance holding the poller lease now, {@code null} when none
 * @param state what the leader is doing: {@code POLLING}, {@code RATE_LIMITED},
 * {@code BACKING_OFF}, or {@code REPLAYING} (a file played as a live feed)
 * @param source where events come from: {@code github}, or {@code file:NAME} for a
 * replayed file
 * @param pacing how requests are paced: {@code budget} or {@code poll-interval};
 * {@code replay} for a replayed file
 * @param lastPollAt when the last request ended
 * @param lastPollOutcome how it ended: {@code 200}, {@code 304}, {@code 403},
 * {@code 429}, {@code 5xx} or {@code error}; {@code replay} for a replayed file
 * @param lastSuccessAt when GitHub last answered with events or 304, or a replay last
 * stored what its feed brought
 * @param eventsStored events stored since the store began
 * @param duplicatesSkipped events received again and not counted twice
 * @param eventsDropped events refused as not GitHub's (a field beyond its bounds)
 * @param newestEventAt the newest created_at stored
 * @param lagSeconds how far the newest event lies behind now
 * @param rateLimit the budgets of all credentials, summed
 * @param pollIntervalSeconds GitHub's {@code X-Poll-Interval}
 * @param suspectedGaps reads that found no event already stored: some were missed
 * @param tokens how many tokens or App installations are usable (0 when anonymous)
 * @param credentials each credential's budget (never its secret)
 * @param streams the feed's streams and how the poller reads them
 * @param deliveryDelay how late events reach the feed, as the poller measures it
 * @param lastError the last error, one line
 * @param lastErrorAt when it happened
 * @param stale whether the last successful poll is missing or older than three poll
 * intervals (and the configured minimum)
 */
public record PollerStatusView(String leader, String leaseHolder, String state, String source, String pacing,
		Instant lastPollAt, String lastPollOutcome, Instant lastSuccessAt, Long eventsStored, Long duplicatesSkipped,
		Long eventsDropped, Instant newestEventAt, Long lagSeconds, RateLimit rateLimit, Long pollIntervalSeconds,
		Long suspectedGaps, Integer tokens, List<CredentialView> credentials, List<StreamState> streams,
		DeliveryDelay deliveryDelay, String lastError, Instant lastErrorAt, boolean stale) {

	/**
	 * The view of a status.
	 * @param status the status
	 * @param now the current time
	 * @param stale whether it is stale ({@link Staleness})
	 * @return the view
	 */
	public static PollerStatusView of(PollerStatus status, Instant now, boolean stale) {
		Duration lag = status.lag(now);
		Duration interval = status.pollInterval();
		return new PollerStatusView(status.leader(), status.leaseHolder(), status.state(), status.source(),
				status.pacing(), seconds(status.lastPollAt()), status.lastPollOutcome(),
				seconds(status.lastSuccessAt()), status.eventsStored(), status.duplicatesSkipped(),
				status.eventsDropped(), seconds(status.newestEventAt()), (lag != null) ? lag.toSeconds() : null,
				new RateLimit(status.rateLimitRemaining(), status.rateLimitLimit(), seconds(status.rateLimitResetAt())),
				(interval != null) ? interval.toSeconds() : null, status.suspectedGaps(), status.tokens(),
				status.credentials().stream().map(CredentialView::of).toList(), status.streams(),
				DeliveryDelay.of(status.deliveryDelayP50(), status.deliveryDelayP99()), status.lastError(),
				seconds(status.lastErrorAt()), stale);
	}

	/** Every time in the API is whole seconds, such as 2026-11-23T10:15:00Z. */
	private static Instant seconds(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.SECONDS) : null;
	}

	/**
	 * GitHub's rate limit, summed over the credentials.
	 *
	 * @param remaining requests left
	 * @param limit the budgets per window
	 * @param resetAt when the first budget resets
	 */
	public record RateLimit(Long remaining, Long limit, Instant resetAt) {

	}

	/**
	 * One credential's budget.
	 *
	 * @param label how the poller names it, such as {@code token 2 of 3}
	 * @param kind {@code personal}, {@code app} or {@code anonymous}
	 * @param remaining requests left until the reset
	 * @param limit requests per window
	 * @param resetAt when the budget is full again
	 * @param usedLastMinute requests sent in the last minute, 304s included
	 * @param blockedUntil when it may be used again after a refusal
	 * @param blockedBecause why it is blocked
	 */
	public record CredentialView(String label, String kind, Long remaining, Long limit, Instant resetAt,
			int usedLastMinute, Instant blockedUntil, String blockedBecause) {

		static CredentialView of(CredentialState state) {
			return new CredentialView(state.label(), state.kind(), state.remaining(), state.limit(),
					seconds(state.resetAt()), state.usedLastMinute(), seconds(state.blockedUntil()),
					state.blockedBecause());
		}

	}

	/**
	 * How late events reach the feed: the time from an event's created_at to its first
	 * read.
	 *
	 * @param p50Seconds half the events within this
	 * @param p99Seconds 99 % of them within this
	 */
	public record DeliveryDelay(Double p50Seconds, Double p99Seconds) {

		static DeliveryDelay of(Duration p50, Duration p99) {
			return new DeliveryDelay(seconds(p50), seconds(p99));
		}

		private static Double seconds(Duration duration) {
			return (duration != null) ? duration.toMillis() / 1000.0 : null;
		}

	}

}
