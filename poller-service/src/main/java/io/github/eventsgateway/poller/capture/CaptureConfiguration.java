package io.github.eventsgateway.poller.capture;

import java.time.Clock;
import java.time.Duration;

import io.github.eventsgateway.poller.config.PollerProperties;
import io.github.eventsgateway.poller.github.GitHubOperations;
import io.github.eventsgateway.poller.metrics.PollerMetrics;
import io.github.eventsgateway.poller.pacing.RequestBudget;
import io.github.eventsgateway.store.EventWriter;
import io.github.eventsgateway.store.PollerStatusStore;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the capture loop from its parts: the feed's layout, the streams' schedules, the
 * sweeper and the status reporter.
 */
@Configuration(proxyBeanMethods = false)
class CaptureConfiguration {

	/** The longest single wait of the capture loop, so losing the lease stops it soon. */
	private static final Duration RECHECK = Duration.ofSeconds(1);

	@Bean
	CaptureLoop captureLoop(PollerProperties properties, GitHubOperations github, RequestBudget budget,
			EventWriter writer, PollerStatusStore statusStore, Leadership leadership, PollerMetrics metrics,
			Clock clock) {
		FeedLayout layout = new FeedLayout(properties.pages());
		DeliveryDelays delays = new DeliveryDelays();
		CaptureScheduler scheduler = new CaptureScheduler(layout, budget, properties.minReadInterval(),
				properties.maxReadInterval());
		Sweeper sweeper = new Sweeper(github, budget, writer, leadership, layout, delays, clock);
		StatusReporter status = new StatusReporter(statusStore, properties.instanceId(), properties.pacingMode());
		return new CaptureLoop(leadership, scheduler, sweeper, budget, layout, delays, status, metrics,
				Schedulers.parallel(), clock, RECHECK);
	}

}
