package io.github.eventsgateway.poller.polling;

import java.time.Instant;

import io.github.eventsgateway.poller.github.RateLimit;
import io.github.eventsgateway.store.PollerStatus;
import io.github.eventsgateway.store.PollerStatusStore;
import reactor.core.publisher.Mono;

/**
 * Writes what the leader did to the status hash in Redis, for the API to show. The store
 * refuses writes from an instance that no longer holds the lease.
 */
public class StatusReporter {

	private final PollerStatusStore store;

	private final String instanceId;

	public StatusReporter(PollerStatusStore store, String instanceId) {
		this.store = store;
		this.instanceId = instanceId;
	}

	/**
	 * Records a poll.
	 * @param result how it ended
	 * @param decision what the poller does now
	 * @param tokens how many tokens are usable
	 * @param endedAt when it ended
	 * @return whether it was written; never an error (the status is not worth a failed
	 * poll)
	 */
	public Mono<Boolean> report(PollResult result, PollPlanner.Decision decision, int tokens, Instant endedAt) {
		RateLimit rateLimit = result.rateLimit();
		PollerStatus status = new PollerStatus(this.instanceId, null, decision.state().name(), endedAt,
				result.outcome(), result.isAnswered() ? endedAt : null, null, null, null,
				(rateLimit != null) ? rateLimit.remaining() : null, (rateLimit != null) ? rateLimit.limit() : null,
				(rateLimit != null) ? rateLimit.resetAt() : null, decision.delay(), null, tokens, result.error(),
				(result.error() != null) ? endedAt : null);
		return this.store.update(this.instanceId, status, result.suspectedGap() ? 1 : 0)
			.onErrorResume((ex) -> Mono.just(false));
	}

}
