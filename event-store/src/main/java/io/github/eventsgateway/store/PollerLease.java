package io.github.eventsgateway.store;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The lease that lets exactly one poller instance poll: a key holding the leader's
 * fencing token ({@code <epoch>:<instanceId>}), with an expiry that the leader keeps
 * pushing back. Each new holder gets a new epoch, and every write of the poller carries
 * its token, so a leader that lost the lease (paused, partitioned) cannot write once it
 * wakes up: {@link EventWriter} and {@link PollerStatusStore} refuse it atomically.
 */
public final class PollerLease {

	private static final RedisScript<String> ACQUIRE = LuaScripts.load("lease.lua", String.class);

	private static final RedisScript<Long> RELEASE = LuaScripts.load("lease-release.lua", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final EventStoreKeys keys;

	public PollerLease(ReactiveStringRedisTemplate redis, EventStoreKeys keys) {
		this.redis = redis;
		this.keys = keys;
	}

	/**
	 * Takes the lease when it is free, or renews it when this instance holds it.
	 * @param instanceId this instance
	 * @param ttl how long the lease lasts without another renewal
	 * @return the fencing token while this instance holds the lease for {@code ttl} from
	 * now, empty when another instance holds it
	 */
	public Mono<String> acquireOrRenew(String instanceId, Duration ttl) {
		return this.redis
			.execute(ACQUIRE, List.of(this.keys.pollerLease(), this.keys.pollerLeaseEpoch(), this.keys.version()),
					List.of(instanceId, Long.toString(ttl.toMillis())))
			.next();
	}

	/**
	 * Gives the lease up, if this instance still holds it, so a standby can take over at
	 * once.
	 * @param fencingToken the token this instance holds
	 * @return whether it was released
	 */
	public Mono<Boolean> release(String fencingToken) {
		return this.redis.execute(RELEASE, List.of(this.keys.pollerLease(), this.keys.version()), List.of(fencingToken))
			.next()
			.map((released) -> released == 1L);
	}

	/**
	 * Tells who holds the lease.
	 * @return the holder's instance id, or empty when nobody does
	 */
	public Mono<String> holder() {
		return this.redis.opsForValue().get(this.keys.pollerLease()).map(PollerLease::instanceOf);
	}

	/**
	 * The instance id in a fencing token.
	 * @param fencingToken a token, {@code <epoch>:<instanceId>}
	 * @return the instance id
	 */
	public static String instanceOf(String fencingToken) {
		int separator = fencingToken.indexOf(':');
		return (separator >= 0) ? fencingToken.substring(separator + 1) : fencingToken;
	}

}
