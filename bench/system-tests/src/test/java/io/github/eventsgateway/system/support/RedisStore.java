package io.github.eventsgateway.system.support;

import java.util.Map;

import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.testing.RedisServerProcess;
import io.github.eventsgateway.store.testing.TestRedis;

/**
 * The store a test starts services on: a Redis and a namespace of it, handed to a service
 * as {@code REDIS_URL} and {@code GATEWAY_STORE_NAMESPACE}, as an operator would.
 *
 * @param url the Redis URL
 * @param port its port on this machine
 * @param namespace the namespace of every key
 */
public record RedisStore(String url, int port, String namespace) {

	/**
	 * The test class's namespace on the JVM's shared Redis, for tests that leave Redis
	 * running as it is.
	 * @param testRedis the class's namespace
	 * @return the store
	 */
	public static RedisStore of(TestRedis testRedis) {
		return new RedisStore(testRedis.url(), testRedis.port(), testRedis.namespace());
	}

	/**
	 * The default namespace of a Redis of the test's own, for tests that kill or restart
	 * it.
	 * @param server the server
	 * @return the store
	 */
	public static RedisStore of(RedisServerProcess server) {
		return new RedisStore(server.url(), server.port(), EventStoreKeys.DEFAULT_NAMESPACE);
	}

	/** The layout of the store's keys. */
	public EventStoreKeys keys() {
		return new EventStoreKeys(this.namespace);
	}

	/** The environment variables that point a service at this store. */
	public Map<String, String> environment() {
		return Map.of("REDIS_URL", this.url, "GATEWAY_STORE_NAMESPACE", this.namespace);
	}

}
