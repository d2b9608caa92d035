package io.github.eventsgateway.api.redis;

import java.time.Duration;

import io.github.eventsgateway.store.EventStoreKeys;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the API reaches the event store. The Redis address itself is Boot's
 * {@code spring.data.redis.url} ({@code REDIS_URL}).
 *
 * @param namespace the key namespace the poller writes under
 * @param commandTimeout how long one Redis command may take before the request fails with
 * 503; well under the 2 seconds a client may wait
 * @param connectTimeout how long connecting to Redis may take
 * @param maxReconnectDelay the longest pause between reconnect attempts, so that the API
 * recovers within seconds of Redis coming back
 */
@ConfigurationProperties("gateway.store")
public record EventStoreProperties(@DefaultValue(EventStoreKeys.DEFAULT_NAMESPACE) String namespace,
		@DefaultValue("1s") Duration commandTimeout, @DefaultValue("500ms") Duration connectTimeout,
		@DefaultValue("1s") Duration maxReconnectDelay) {

}
