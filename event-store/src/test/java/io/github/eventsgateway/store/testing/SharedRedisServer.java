package io.github.eventsgateway.store.testing;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The JVM's one shared {@code redis-server} and one connection to it, started on first
 * use and stopped when the JVM exits.
 */
final class SharedRedisServer {

	private static SharedRedisServer instance;

	private final RedisServerProcess server;

	private final LettuceConnectionFactory connectionFactory;

	private final ReactiveStringRedisTemplate template;

	private SharedRedisServer() {
		this.server = RedisServerProcess.start();
		this.connectionFactory = RedisTemplates.connectionFactory(this.server);
		this.template = RedisTemplates.template(this.connectionFactory);
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "shared-redis-stop"));
	}

	static synchronized SharedRedisServer get() {
		if (instance == null) {
			instance = new SharedRedisServer();
		}
		return instance;
	}

	RedisServerProcess server() {
		return this.server;
	}

	ReactiveStringRedisTemplate template() {
		return this.template;
	}

	private void stop() {
		this.connectionFactory.destroy();
		this.server.close();
	}

}
