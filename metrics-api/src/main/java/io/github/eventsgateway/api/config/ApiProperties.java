package io.github.eventsgateway.api.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the API needs to know beyond Redis.
 *
 * @param retention how far back the poller keeps events ({@code RETENTION}: {@code 7d},
 * {@code 36h}, {@code 90m} or ISO {@code P7D}); the counts window may not be longer
 * @param staleAfterMinimum the poller status is stale when its last successful poll is
 * older than three poll intervals, and never sooner than this ({@code API_STALE_AFTER})
 */
@ConfigurationProperties("gateway.api")
public record ApiProperties(@DefaultValue("7d") Duration retention, @DefaultValue("3m") Duration staleAfterMinimum) {

	public ApiProperties {
		if (retention.toMinutes() < 1) {
			throw new IllegalArgumentException("gateway.api.retention (RETENTION) must be at least a minute");
		}
	}

	/** The longest counts window, in whole minutes. */
	public long maxOffsetMinutes() {
		return this.retention.toMinutes();
	}

}
