package io.github.eventsgateway.store.autoconfigure;

import java.time.Duration;

import io.github.eventsgateway.store.EventStoreKeys;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service reaches the event store, bound from {@code gateway.store.*} the same way
 * by the poller and the API. The Redis address itself is Spring Boot's
 * {@code spring.data.redis.*} ({@code REDIS_URL}).
 *
 * @param namespace the first part of every key ({@code GATEWAY_STORE_NAMESPACE}), so that
 * several deployments can share one Redis; the poller and the API of one deployment must
 * use the same
 * @param retention how long events are kept, measured back from the newest stored
 * ({@code RETENTION}: {@code 7d}, {@code 36h}, {@code 90m} or ISO {@code P7D}); also the
 * longest window the API answers for
 * @param commandTimeout how long one Redis command may take before it fails; well under
 * the 2 seconds an API client may wait, and short enough that a probe answers while Redis
 * hangs
 * @param connectTimeout how long connecting to Redis may take
 * @param maxReconnectDelay the longest pause between reconnect attempts, so that a
 * service recovers within about a second of Redis coming back
 */
@ConfigurationProperties("gateway.store")
public record EventStoreProperties(@DefaultValue(EventStoreKeys.DEFAULT_NAMESPACE) String namespace,
		@DefaultValue("1d") Duration retention, @DefaultValue("1s") Duration commandTimeout,
		@DefaultValue("500ms") Duration connectTimeout, @DefaultValue("1s") Duration maxReconnectDelay) {

	/** The shortest retention: an hour, so that every default window of the API fits. */
	public static final Duration MIN_RETENTION = Duration.ofHours(1);

	public EventStoreProperties {
		check(EventStoreKeys.isValidNamespace(namespace),
				"GATEWAY_STORE_NAMESPACE must be " + EventStoreKeys.NAMESPACE_RULE + ", was '" + namespace + "'");
		check(retention.compareTo(MIN_RETENTION) >= 0,
				"RETENTION must be at least 1h (like 7d, 36h, 90m or P7D), was " + retention);
		check(isPositive(commandTimeout), "gateway.store.command-timeout must be positive");
		check(isPositive(connectTimeout), "gateway.store.connect-timeout must be positive");
		check(isPositive(maxReconnectDelay), "gateway.store.max-reconnect-delay must be positive");
	}

	/** The key layout of this namespace. */
	public EventStoreKeys keys() {
		return new EventStoreKeys(this.namespace);
	}

	private static boolean isPositive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

	private static void check(boolean valid, String message) {
		if (!valid) {
			throw new InvalidConfigurationException(message);
		}
	}

}
