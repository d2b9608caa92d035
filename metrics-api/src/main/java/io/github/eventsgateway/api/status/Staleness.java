package io.github.eventsgateway.api.status;

import java.time.Duration;
import java.time.Instant;

import io.github.eventsgateway.store.PollerStatus;

/**
 * Decides whether the poller's data is stale: no successful poll yet, or the last one is
 * older than three poll intervals and the configured minimum.
 */
final class Staleness {

	static final int POLL_INTERVALS = 3;

	private final Duration minimum;

	Staleness(Duration minimum) {
		this.minimum = minimum;
	}

	boolean isStale(PollerStatus status, Instant now) {
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
