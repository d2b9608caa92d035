package io.github.eventsgateway.api.redis;

import java.util.concurrent.TimeUnit;

import io.github.eventsgateway.store.EventReader;
import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.PollerStatusStore;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.Delay;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The event store's read side, and a Redis client that fails fast instead of hanging:
 * while Redis is away commands are rejected at once (503), a command that gets no answer
 * times out after {@code gateway.store.command-timeout}, and the connection comes back by
 * itself within about a second of Redis returning.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStoreProperties.class)
class EventStoreConfiguration {

	@Bean
	EventStoreKeys eventStoreKeys(EventStoreProperties properties) {
		return new EventStoreKeys(properties.namespace());
	}

	@Bean
	EventReader eventReader(ReactiveStringRedisTemplate redis, EventStoreKeys keys) {
		return new EventReader(redis, keys);
	}

	@Bean
	PollerStatusStore pollerStatusStore(ReactiveStringRedisTemplate redis, EventStoreKeys keys) {
		return new PollerStatusStore(redis, keys);
	}

	@Bean
	LettuceClientConfigurationBuilderCustomizer failFastLettuceClient(EventStoreProperties properties) {
		// Replaces the client options Boot derived, so the socket and timeout options are
		// set here in full.
		ClientOptions options = ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(properties.connectTimeout()).build())
			.timeoutOptions(TimeoutOptions.enabled(properties.commandTimeout()))
			.build();
		return (builder) -> builder.commandTimeout(properties.commandTimeout()).clientOptions(options);
	}

	@Bean
	ClientResourcesBuilderCustomizer quickReconnect(EventStoreProperties properties) {
		long maxMillis = properties.maxReconnectDelay().toMillis();
		return (builder) -> builder
			.reconnectDelay(Delay.exponential(Math.min(50, maxMillis), maxMillis, TimeUnit.MILLISECONDS, 2));
	}

}
