package io.github.eventsgateway.poller;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.github.eventsgateway.poller.config.PollerProperties;
import io.github.eventsgateway.poller.fileimport.FileImporter;
import io.github.eventsgateway.poller.github.GitHubClient;
import io.github.eventsgateway.poller.leadership.LeaseKeeper;
import io.github.eventsgateway.poller.metrics.PollerMetrics;
import io.github.eventsgateway.poller.pacing.Backoff;
import io.github.eventsgateway.poller.pacing.TokenPool;
import io.github.eventsgateway.poller.polling.PollCycle;
import io.github.eventsgateway.poller.polling.PollPlanner;
import io.github.eventsgateway.poller.polling.PollingLoop;
import io.github.eventsgateway.poller.polling.StatusReporter;
import io.github.eventsgateway.store.EventWriter;
import io.github.eventsgateway.store.PollerLease;
import io.github.eventsgateway.store.PollerStatusStore;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the poller (the event store wires itself): the GitHub client, pacing, leadership,
 * the polling loop and the file importer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PollerProperties.class)
class PollerConfiguration {

	/** The longest single wait of the polling loop, so losing the lease stops it soon. */
	private static final Duration RECHECK = Duration.ofSeconds(1);

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	PollerMetrics pollerMetrics(MeterRegistry registry, Clock clock) {
		return new PollerMetrics(registry, clock);
	}

	@Bean
	LeaseKeeper leaseKeeper(PollerLease lease, PollerProperties properties, PollerMetrics metrics, Clock clock) {
		LeaseKeeper keeper = new LeaseKeeper(
				lease, properties.instanceId(), LeaseKeeper.Timing.of(properties.leaseTtl(),
						properties.leaseRenewInterval(), properties.standbyRetryInterval()),
				Schedulers.parallel(), clock);
		metrics.leadership(keeper::isLeader);
		return keeper;
	}

	@Bean
	PollingLoop pollingLoop(PollerProperties properties, LeaseKeeper leaseKeeper, EventWriter writer,
			PollerStatusStore statusStore, PollerMetrics metrics, Clock clock) {
		GitHubClient client = new GitHubClient(properties.userAgent(), properties.requestTimeout(), clock);
		PollCycle cycle = new PollCycle(client, writer, statusStore, metrics, properties.githubApiUrl(),
				properties.pages());
		TokenPool tokens = new TokenPool(properties.tokenList(), properties.defaultPollInterval(),
				properties.minPollInterval());
		Backoff backoff = new Backoff(properties.backoffInitial(), properties.backoffMax(),
				() -> ThreadLocalRandom.current().nextDouble());
		PollPlanner planner = new PollPlanner(tokens, backoff, properties.secondaryLimitWait());
		Scheduler scheduler = Schedulers.parallel();
		return new PollingLoop(leaseKeeper::isLeader, planner, cycle::poll,
				new StatusReporter(statusStore, properties.instanceId()), metrics, scheduler, clock, RECHECK);
	}

	@Bean
	FileImporter fileImporter(EventWriter writer, PollerMetrics metrics, PollerProperties properties, Clock clock) {
		return new FileImporter(writer, metrics, properties.importBatchSize(), clock);
	}

	@Bean
	PollerRunner pollerRunner(PollerProperties properties, LeaseKeeper leaseKeeper, PollingLoop pollingLoop,
			FileImporter fileImporter, ApplicationContext context) {
		return new PollerRunner(properties, leaseKeeper, pollingLoop, fileImporter, context);
	}

}
