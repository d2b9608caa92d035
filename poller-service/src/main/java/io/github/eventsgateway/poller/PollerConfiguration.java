package io.github.eventsgateway.poller;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.github.eventsgateway.poller.capture.CaptureLoop;
import io.github.eventsgateway.poller.config.PollerProperties;
import io.github.eventsgateway.poller.credentials.AppInstallation;
import io.github.eventsgateway.poller.credentials.Credential;
import io.github.eventsgateway.poller.credentials.PersonalToken;
import io.github.eventsgateway.poller.fileimport.FileImporter;
import io.github.eventsgateway.poller.fileimport.ReplayLoop;
import io.github.eventsgateway.poller.github.GitHubOperations;
import io.github.eventsgateway.poller.github.GitHubTemplate;
import io.github.eventsgateway.poller.leadership.Lease;
import io.github.eventsgateway.poller.leadership.LeaseKeeper;
import io.github.eventsgateway.poller.metrics.PollerMetrics;
import io.github.eventsgateway.poller.pacing.Backoff;
import io.github.eventsgateway.poller.pacing.PaceSettings;
import io.github.eventsgateway.poller.pacing.RequestBudget;
import io.github.eventsgateway.store.EventWriter;
import io.github.eventsgateway.store.PollerLease;
import io.github.eventsgateway.store.PollerStatusStore;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Wires the poller (the event store wires itself, the capture loop in its own package):
 * the GitHub client, the credentials and their budget, leadership, metrics and the file
 * importer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PollerProperties.class)
class PollerConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	GitHubOperations gitHubOperations(WebClient.Builder builder, PollerProperties properties, Clock clock) {
		return new GitHubTemplate(builder, properties.githubApiUrl(), properties.userAgent(),
				properties.requestTimeout(), clock);
	}

	@Bean
	RequestBudget requestBudget(PollerProperties properties, GitHubOperations github, Clock clock) {
		List<Credential> credentials = new ArrayList<>(PersonalToken.of(properties.tokenList()));
		PollerProperties.AppProperties app = properties.app();
		if (app.isConfigured()) {
			credentials.add(AppInstallation.of(app.id(), app.installationId(), app.privateKey(), github, clock));
		}
		PaceSettings pace = new PaceSettings(properties.pacingMode(), properties.maxRequestsPerMinute(),
				properties.burst(), properties.pages(), properties.defaultPollInterval(),
				properties.secondaryLimitWait());
		Backoff backoff = new Backoff(properties.backoffInitial(), properties.backoffMax(),
				() -> ThreadLocalRandom.current().nextDouble());
		return new RequestBudget(credentials, pace, backoff);
	}

	@Bean
	PollerMetrics pollerMetrics(MeterRegistry registry, Clock clock) {
		return new PollerMetrics(registry, clock);
	}

	@Bean
	LeaseKeeper leaseKeeper(PollerLease lease, PollerProperties properties, PollerMetrics metrics, Clock clock) {
		LeaseKeeper keeper = new LeaseKeeper(
				Lease.of(lease), properties.instanceId(), LeaseKeeper.Timing.of(properties.leaseTtl(),
						properties.leaseRenewInterval(), properties.standbyRetryInterval()),
				Schedulers.parallel(), clock);
		metrics.leadership(keeper::isLeader);
		return keeper;
	}

	@Bean
	FileImporter fileImporter(EventWriter writer, PollerMetrics metrics, PollerProperties properties, Clock clock) {
		return new FileImporter(writer, metrics, properties.importBatchSize(), clock);
	}

	@Bean
	ReplayLoop replayLoop(EventWriter writer, PollerStatusStore status, LeaseKeeper leaseKeeper, PollerMetrics metrics,
			PollerProperties properties, Clock clock) {
		return new ReplayLoop(writer, status, leaseKeeper, metrics, properties.instanceId(),
				properties.importBatchSize(), clock, Schedulers.parallel());
	}

	@Bean
	PollerRunner pollerRunner(PollerProperties properties, RequestBudget budget, LeaseKeeper leaseKeeper,
			CaptureLoop captureLoop, FileImporter fileImporter, ReplayLoop replayLoop, ApplicationContext context) {
		return new PollerRunner(properties, budget, leaseKeeper, captureLoop, fileImporter, replayLoop, context);
	}

}
