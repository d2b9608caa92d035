package io.github.eventsgateway.system.support;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.PollerStatus;
import io.github.eventsgateway.store.PollerStatusStore;
import io.github.eventsgateway.store.testing.RedisTemplates;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * What the gateway stored in a namespace of a Redis, read the way the store lays it out:
 * the ids in the per-type sorted sets, and the counters of the status hash.
 */
public final class StoredEvents implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final EventStoreKeys keys;

	private final LettuceConnectionFactory connections;

	private final ReactiveStringRedisTemplate redis;

	public StoredEvents(RedisStore store) {
		this.keys = store.keys();
		this.connections = RedisTemplates.connectionFactory(store.port());
		this.redis = RedisTemplates.template(this.connections);
	}

	/** Every event id stored, across the types. */
	public Set<Long> ids() {
		Set<Long> ids = new HashSet<>();
		for (String type : types()) {
			List<String> members = this.redis.opsForZSet()
				.range(this.keys.eventsOfType(type), Range.unbounded())
				.collectList()
				.block(TIMEOUT);
			members.forEach((id) -> ids.add(Long.parseLong(id)));
		}
		return ids;
	}

	/** The members of the per-type sets, summed: each event counts once per type set. */
	public long membersAcrossTypes() {
		long total = 0;
		for (String type : types()) {
			total += this.redis.opsForZSet().size(this.keys.eventsOfType(type)).block(TIMEOUT);
		}
		return total;
	}

	/** The status hash: the poller's report and the ingest counters. */
	public PollerStatus status() {
		return new PollerStatusStore(this.redis, this.keys).read().block(TIMEOUT);
	}

	/** The events stored according to the ingest counter, 0 when none yet. */
	public long eventsStoredCounter() {
		Long stored = status().eventsStored();
		return (stored != null) ? stored : 0;
	}

	private List<String> types() {
		return this.redis.opsForSet().members(this.keys.types()).collectList().block(TIMEOUT);
	}

	@Override
	public void close() {
		this.connections.destroy();
	}

}
