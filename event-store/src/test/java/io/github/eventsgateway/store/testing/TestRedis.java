package io.github.eventsgateway.store.testing;

import java.time.Duration;
import java.util.List;

import io.github.eventsgateway.store.EventStoreKeys;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

/**
 * A test class's own namespace on the JVM's shared {@code redis-server}
 * ({@link SharedRedis}).
 */
public final class TestRedis {

	private final SharedRedisServer shared;

	private final EventStoreKeys keys;

	private final String namespace;

	TestRedis(SharedRedisServer shared, String namespace) {
		this.shared = shared;
		this.namespace = namespace;
		this.keys = new EventStoreKeys(namespace);
	}

	/** The namespace of this test class, such as {@code t7-EventStoreTests}. */
	public String namespace() {
		return this.namespace;
	}

	/**
	 * The same shared server under another namespace, such as the one the Spring contexts
	 * of {@link SharedRedis} classes share (their {@code gateway.store.namespace}).
	 * @param namespace a valid namespace
	 * @return a view of that namespace
	 */
	public TestRedis inNamespace(String namespace) {
		return new TestRedis(this.shared, namespace);
	}

	/** The key layout of this class's namespace. */
	public EventStoreKeys keys() {
		return this.keys;
	}

	/** A template on the shared connection (never close it). */
	public ReactiveStringRedisTemplate template() {
		return this.shared.template();
	}

	/** The URL of the shared server, as {@code REDIS_URL} takes it. */
	public String url() {
		return this.shared.server().url();
	}

	public int port() {
		return this.shared.server().port();
	}

	/**
	 * Deletes every key of this class's namespace (and nothing else on the server), such
	 * as before each test.
	 */
	public void clear() {
		ReactiveStringRedisTemplate redis = template();
		List<String> keys = redis.scan(ScanOptions.scanOptions().match(this.namespace + ":*").count(1000).build())
			.collectList()
			.block(Duration.ofSeconds(10));
		if (keys != null && !keys.isEmpty()) {
			redis.delete(keys.toArray(String[]::new)).block(Duration.ofSeconds(10));
		}
	}

}
