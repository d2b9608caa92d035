package io.github.eventsgateway.firehose;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.eventsgateway.store.EventStoreKeys;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * What reached Redis after a benchmark, read through the store's key layout: the ids of
 * every event stored, across the per-type sorted sets.
 */
public final class StoredIds {

	private StoredIds() {
	}

	/**
	 * Reads the ids stored in the default namespace.
	 * @param redis the Redis the poller wrote to
	 * @return the ids
	 */
	public static Set<Long> read(ReactiveStringRedisTemplate redis) {
		EventStoreKeys keys = EventStoreKeys.defaults();
		Set<Long> ids = new HashSet<>();
		List<String> types = redis.opsForSet().members(keys.types()).collectList().block(Duration.ofSeconds(30));
		for (String type : types) {
			// Asked for all at once: a blocking stream's demand in batches left a large
			// ZRANGE waiting for a minute until it timed out.
			redis.opsForZSet()
				.range(keys.eventsOfType(type), Range.unbounded())
				.collectList()
				.block(Duration.ofMinutes(2))
				.forEach((id) -> ids.add(Long.parseLong(id)));
		}
		return ids;
	}

}
