package io.github.eventsgateway.api.dashboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the live dashboard's stream sends.
 *
 * @param streamInterval how often each replica reads a summary from Redis and sends it to
 * every dashboard connected to it
 * @param timelineMinutes how many minutes the stream's timeline covers, in buckets of one
 * minute
 * @param madePublicLimit how many of the repositories made public last the stream lists
 */
@ConfigurationProperties("gateway.dashboard")
public record DashboardProperties(@DefaultValue("1s") Duration streamInterval, @DefaultValue("60") int timelineMinutes,
		@DefaultValue("10") int madePublicLimit) {

	public DashboardProperties {
		if (streamInterval.toMillis() < 100) {
			throw new IllegalArgumentException("gateway.dashboard.stream-interval must be at least 100ms");
		}
		if (timelineMinutes < 1 || timelineMinutes > 1440) {
			throw new IllegalArgumentException("gateway.dashboard.timeline-minutes must be from 1 to 1440");
		}
		if (madePublicLimit < 1 || madePublicLimit > 1000) {
			throw new IllegalArgumentException("gateway.dashboard.made-public-limit must be from 1 to 1000");
		}
	}

}
