package io.github.eventsgateway.store;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The lease that lets exactly one poller instance poll: a key holding the leader's
 * instance id, with an expiry that the leader keeps pushing back.
 */
public final class PollerLease {

	private static final RedisScript<Long> ACQUIRE = LuaScripts.load("lease.lua", Long.class);

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
	 * @return whether this instance holds the lease for {@code ttl} from now
	 */
	public Mono<Boolean> acquireOrRenew(String instanceId, Duration ttl) {
		return this.redis
			.execute(ACQUIRE, List.of(this.keys.pollerLease(), this.keys.version()),
					List.of(instanceId, Long.toString(ttl.toMillis())))
			.next()
			.map((held) -> held == 1L);
	}

	/**
	 * Gives the lease up, if this instance holds it, so a standby can take over at once.
	 * @param instanceId this instance
	 * @return whether it was released
	 */
	public Mono<Boolean> release(String instanceId) {
		return this.redis.execute(RELEASE, List.of(this.keys.pollerLease(), this.keys.version()), List.of(instanceId))
			.next()
			.map((released) -> released == 1L);
	}

	/**
	 * Tells who holds the lease.
	 * @return the holder's instance id, or empty when nobody does
	 */
	public Mono<String> holder() {
		return this.redis.opsForValue().get(this.keys.pollerLease());
	}

}
