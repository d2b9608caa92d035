package io.github.eventsgateway.api.status;

import java.time.Duration;
import java.time.Instant;

import io.github.eventsgateway.store.PollerStatus;

/**
 * Decides whether the poller's data is stale: no successful poll yet, or the last one is
 * older than three poll intervals and the configured minimum.
 */
public final class Staleness {

	static final int POLL_INTERVALS = 3;

	private final Duration minimum;

	public Staleness(Duration minimum) {
		this.minimum = minimum;
	}

	/**
	 * Tells whether the poller's data is stale.
	 * @param status what the poller reported
	 * @param now the current time
	 * @return {@code true} when no poll succeeded yet or the last success is too old
	 */
	public boolean isStale(PollerStatus status, Instant now) {
		if (status.lastSuccessAt() == null) {
			return true;
		}
		Duration allowed = this.minimum;
		if (status.pollInterval() != null) {
			Duration intervals = status.pollInterval().multipliedBy(POLL_INTERVALS);
			allowed = (intervals.compareTo(allowed) > 0) ? intervals : allowed;
		}
		return Duration.between(status.lastSuccessAt(), now).compareTo(allowed) > 0;
	}

}
