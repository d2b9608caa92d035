package io.github.eventsgateway.store.autoconfigure;

import java.util.concurrent.TimeUnit;

import io.github.eventsgateway.store.EventReader;
import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.EventWriter;
import io.github.eventsgateway.store.PollerLease;
import io.github.eventsgateway.store.PollerStatusStore;
import io.github.eventsgateway.store.StoreVersion;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.Delay;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The event store for any service that has Spring Boot's reactive Redis: the key layout
 * of {@code gateway.store.namespace}, the write and read paths, the poller's lease and
 * status, and a Redis client that fails fast instead of hanging. While Redis is away,
 * commands are rejected at once; a command that gets no answer times out after
 * {@code gateway.store.command-timeout}; the connection comes back by itself within about
 * a second of Redis returning. Every bean backs off when the application defines its own.
 */
@AutoConfiguration(after = DataRedisReactiveAutoConfiguration.class)
@EnableConfigurationProperties(EventStoreProperties.class)
public class EventStoreAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EventStoreKeys eventStoreKeys(EventStoreProperties properties) {
		return properties.keys();
	}

	@Bean
	@ConditionalOnMissingBean
	EventWriter eventWriter(ReactiveStringRedisTemplate redis, EventStoreKeys keys, EventStoreProperties properties) {
		return new EventWriter(redis, keys, properties.retention());
	}

	@Bean
	@ConditionalOnMissingBean
	EventReader eventReader(ReactiveStringRedisTemplate redis, EventStoreKeys keys) {
		return new EventReader(redis, keys);
	}

	@Bean
	@ConditionalOnMissingBean
	StoreVersion storeVersion(ReactiveStringRedisTemplate redis, EventStoreKeys keys) {
		return new StoreVersion(redis, keys);
	}

	@Bean
	@ConditionalOnMissingBean
	PollerStatusStore pollerStatusStore(ReactiveStringRedisTemplate redis, EventStoreKeys keys) {
		return new PollerStatusStore(redis, keys);
	}

	@Bean
	@ConditionalOnMissingBean
	PollerLease pollerLease(ReactiveStringRedisTemplate redis, EventStoreKeys keys) {
		return new PollerLease(redis, keys);
	}

	@Bean
	LettuceClientOptionsBuilderCustomizer eventStoreFailFastClientOptions(EventStoreProperties properties) {
		// Customizes the options Boot derived (cluster options included), so that only
		// these settings change.
		return (options) -> options.autoReconnect(true)
			.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(properties.connectTimeout()).build())
			.timeoutOptions(TimeoutOptions.enabled(properties.commandTimeout()));
	}

	@Bean
	LettuceClientConfigurationBuilderCustomizer eventStoreCommandTimeout(EventStoreProperties properties) {
		return (builder) -> builder.commandTimeout(properties.commandTimeout());
	}

	@Bean
	ClientResourcesBuilderCustomizer eventStoreQuickReconnect(EventStoreProperties properties) {
		long maxMillis = properties.maxReconnectDelay().toMillis();
		return (builder) -> builder
			.reconnectDelay(Delay.exponential(Math.min(50, maxMillis), maxMillis, TimeUnit.MILLISECONDS, 2));
	}

}
