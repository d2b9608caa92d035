package io.github.eventsgateway.poller.leadership;

import java.time.Duration;

import io.github.eventsgateway.store.PollerLease;
import reactor.core.publisher.Mono;

/**
 * Where the poller lease lives: Redis ({@link PollerLease}) in a running poller.
 */
public interface Lease {

	/**
	 * Takes the lease when it is free, or renews it when this instance holds it.
	 * @param instanceId this instance
	 * @param ttl how long the lease lasts without another renewal
	 * @return the fencing token while this instance holds the lease, empty when another
	 * does
	 */
	Mono<String> acquireOrRenew(String instanceId, Duration ttl);

	/**
	 * Gives the lease up, if this instance still holds it.
	 * @param fencingToken the token it holds
	 * @return whether it was released
	 */
	Mono<Boolean> release(String fencingToken);

	/**
	 * The lease in Redis.
	 * @param lease the event store's lease
	 * @return the lease
	 */
	static Lease of(PollerLease lease) {
		return new Lease() {

			@Override
			public Mono<String> acquireOrRenew(String instanceId, Duration ttl) {
				return lease.acquireOrRenew(instanceId, ttl);
			}

			@Override
			public Mono<Boolean> release(String fencingToken) {
				return lease.release(fencingToken);
			}

		};
	}

}
