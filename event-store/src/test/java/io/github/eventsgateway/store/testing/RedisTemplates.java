package io.github.eventsgateway.store.testing;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Connects tests to a {@link RedisServerProcess} or the shared server without a Spring
 * context.
 */
public final class RedisTemplates {

	private RedisTemplates() {
	}

	/**
	 * Opens a connection factory to the server; close it after the test.
	 * @param server the server
	 * @return a started factory
	 */
	public static LettuceConnectionFactory connectionFactory(RedisServerProcess server) {
		return connectionFactory(server.port());
	}

	/**
	 * Opens a connection factory of its own to the shared server, such as a second
	 * client; close it after the test.
	 * @param testRedis the test class's namespace on the shared server
	 * @return a started factory
	 */
	public static LettuceConnectionFactory connectionFactory(TestRedis testRedis) {
		return connectionFactory(testRedis.port());
	}

	/**
	 * Opens a connection factory to the Redis on a port of this machine; close it after
	 * the test.
	 * @param port the port
	 * @return a started factory
	 */
	public static LettuceConnectionFactory connectionFactory(int port) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	public static ReactiveStringRedisTemplate template(LettuceConnectionFactory factory) {
		return new ReactiveStringRedisTemplate(factory);
	}

}
