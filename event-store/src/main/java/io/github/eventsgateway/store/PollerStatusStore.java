package io.github.eventsgateway.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Reads and writes the poller's status hash.
 */
public final class PollerStatusStore {

	private static final ReadOnlyScript READ = ReadOnlyScript.load("status-read.lua");

	private static final RedisScript<Long> UPDATE = LuaScripts.load("status-update.lua", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final EventStoreKeys keys;

	public PollerStatusStore(ReactiveStringRedisTemplate redis, EventStoreKeys keys) {
		this.redis = redis;
		this.keys = keys;
	}

	/**
	 * Reads the status, with the current lease holder, in one round trip (a Redis replica
	 * may answer).
	 * @return the status (all fields {@code null} when nothing was ever reported)
	 */
	public Mono<PollerStatus> read() {
		return readVersioned().map(Versioned::value);
	}

	/**
	 * Reads the status as {@link #read} does, with the store's version. While the lease
	 * is held, the answer is valid no longer than the lease's time to live: the lease may
	 * lapse without any write.
	 * @return the status (all fields {@code null} when nothing was ever reported)
	 */
	public Mono<Versioned<PollerStatus>> readVersioned() {
		return READ
			.execute(this.redis, List.of(this.keys.status(), this.keys.pollerLease(), this.keys.version()), List.of())
			.map((reply) -> {
				Map<String, String> hash = EventReader.toStringMap(reply);
				String leaseTtl = hash.get("leaseTtlMillis");
				Duration validFor = (leaseTtl != null) ? Duration.ofMillis(Math.max(0, Long.parseLong(leaseTtl)))
						: null;
				return new Versioned<>(hash.get("storeVersion"), PollerStatus.fromHash(hash), validFor);
			});
	}

	/**
	 * Writes what the leader reports, only while its fencing token is still the lease's.
	 * @param fencingToken the writer's token ({@link PollerLease})
	 * @param report the report; its {@code null} fields leave the stored ones as they are
	 * @return whether it was written
	 */
	public Mono<Boolean> update(String fencingToken, PollerReport report) {
		Map<String, String> fields = report.toFields();
		List<String> args = new ArrayList<>(3 + fields.size() * 2);
		args.add(fencingToken);
		args.add(Long.toString(report.suspectedGaps()));
		args.add(Long.toString(report.eventsDropped()));
		fields.forEach((name, value) -> {
			args.add(name);
			args.add(value);
		});
		return this.redis
			.execute(UPDATE, List.of(this.keys.status(), this.keys.pollerLease(), this.keys.version()), args)
			.next()
			.map((written) -> written == 1L);
	}

}
