package io.github.eventsgateway.api.hot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a replica keeps the answers it computed ({@code gateway.api.hot-answers.*}).
 *
 * @param enabled whether answers are kept at all ({@code API_HOT_ANSWERS}); without,
 * every request reads Redis
 * @param confirmInterval how often the replica reads the store's version: a write reaches
 * every replica's answers within this interval and one Redis round trip
 * ({@code API_HOT_CONFIRM_INTERVAL})
 * @param maxEntries the most answers one endpoint keeps; a flood of distinct queries just
 * empties its cache
 */
@ConfigurationProperties("gateway.api.hot-answers")
public record HotAnswersProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("100ms") Duration confirmInterval, @DefaultValue("1024") int maxEntries) {

	public HotAnswersProperties {
		if (confirmInterval.toMillis() < 10 || confirmInterval.compareTo(Duration.ofSeconds(10)) > 0) {
			throw new IllegalArgumentException("gateway.api.hot-answers.confirm-interval must be from 10ms to 10s");
		}
		if (maxEntries < 1) {
			throw new IllegalArgumentException("gateway.api.hot-answers.max-entries must be at least 1");
		}
	}

	/**
	 * How long a confirmation of the version counts: two intervals and the time one read
	 * may take. Past that, the replica is in doubt and reads Redis on every request.
	 * @param commandTimeout how long one Redis command may take
	 * @return the longest time since the last confirmation that answers are kept
	 */
	Duration confirmationLifetime(Duration commandTimeout) {
		return this.confirmInterval.multipliedBy(2).plus(commandTimeout);
	}

}
