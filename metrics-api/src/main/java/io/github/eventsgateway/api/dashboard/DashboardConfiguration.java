package io.github.eventsgateway.api.dashboard;

import java.time.Clock;

import io.github.eventsgateway.api.config.ApiProperties;
import io.github.eventsgateway.api.madepublic.MadePublicAnswers;
import io.github.eventsgateway.api.status.PollerStatusAnswers;
import io.github.eventsgateway.api.timeline.TimelineService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The live dashboard: its page and the stream that feeds it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardConfiguration {

	@Bean
	DashboardSummaries dashboardSummaries(TimelineService timelines, MadePublicAnswers madePublic,
			PollerStatusAnswers statuses, Clock clock, DashboardProperties properties, ApiProperties api) {
		return new DashboardSummaries(timelines, madePublic, statuses, clock, properties, api.staleAfterMinimum());
	}

	@Bean
	MeterBinder dashboardStreamClients(DashboardSummaries summaries) {
		return (registry) -> Gauge.builder("gateway.dashboard.stream.clients", summaries, DashboardSummaries::clients)
			.description("Clients connected to the dashboard stream of this replica")
			.register(registry);
	}

}
