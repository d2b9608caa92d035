package io.github.eventsgateway.store.testing;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Connects tests to a {@link RedisServerProcess} without a Spring context.
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
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", server.port()));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	public static ReactiveStringRedisTemplate template(LettuceConnectionFactory factory) {
		return new ReactiveStringRedisTemplate(factory);
	}

}
