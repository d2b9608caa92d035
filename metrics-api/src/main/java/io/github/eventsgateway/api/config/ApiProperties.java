package io.github.eventsgateway.api.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the API needs to know beyond the event store (whose settings, retention included,
 * are {@code gateway.store.*}).
 *
 * @param staleAfterMinimum the poller status is stale when its last successful poll is
 * older than three poll intervals, and never sooner than this ({@code API_STALE_AFTER})
 */
@ConfigurationProperties("gateway.api")
public record ApiProperties(@DefaultValue("3m") Duration staleAfterMinimum) {

}
