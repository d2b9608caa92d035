package io.github.eventsgateway.system.faults;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.eventsgateway.firehose.Fault;
import io.github.eventsgateway.firehose.Firehose;
import io.github.eventsgateway.firehose.FirehoseSettings;
import io.github.eventsgateway.firehose.RecordedRequest;
import io.github.eventsgateway.store.testing.SharedRedis;
import io.github.eventsgateway.store.testing.TestRedis;
import io.github.eventsgateway.system.support.GitHubRequestLog;
import io.github.eventsgateway.system.support.JavaService;
import io.github.eventsgateway.system.support.RedisStore;
import io.github.eventsgateway.system.support.Services;
import io.github.eventsgateway.system.support.StoredEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stand-in misbehaves on one request in five for a minute: server errors, truncated
 * JSON, responses slower than the poller's request timeout, connection resets and
 * secondary rate limits.
 */
@SharedRedis
class FaultyGitHubTests {

	private static final Duration FAULTY_PERIOD = Duration.ofSeconds(60);

	@Test
	@Timeout(value = 180, unit = TimeUnit.SECONDS)
	void pollerKeepsRunningAndStoresEveryEventItWasServed(TestRedis testRedis) {
		// two tokens and 100 events a second: the 300-event window turns over every 3 s,
		// so the poller reads a page or more a second, 60 or more requests in the minute
		FirehoseSettings settings = FirehoseSettings.builder()
			.eventsPerSecond(100)
			.pollIntervalSeconds(1)
			.tokens(List.of("faulty-token-1", "faulty-token-2"))
			.faultRate(0.2)
			.faults(EnumSet.allOf(Fault.class))
			.slowResponseDelay(Duration.ofSeconds(5))
			.secondaryRetryAfterSeconds(2)
			.seed(6)
			.build();
		// GitHub's pace compressed: a request timeout shorter than the slow
		// responses, and waits after failures in seconds rather than minutes
		Map<String, String> pace = Map.of("GATEWAY_POLLER_REQUEST_TIMEOUT", "2s", "GATEWAY_POLLER_BACKOFF_INITIAL",
				"500ms", "GATEWAY_POLLER_BACKOFF_MAX", "4s", "GATEWAY_POLLER_SECONDARY_LIMIT_WAIT", "2s");
		RedisStore redis = RedisStore.of(testRedis);
		try (Firehose github = Firehose.startPaused(settings);
				JavaService poller = Services.poller("faulty-poller", github, redis, "faulty-token-1,faulty-token-2",
						pace);
				StoredEvents stored = new StoredEvents(redis)) {
			await("the poller polls").atMost(Duration.ofSeconds(90)).until(() -> !github.requests().isEmpty());
			github.startGenerating();
			await("the poller keeps running").during(FAULTY_PERIOD)
				.atMost(FAULTY_PERIOD.plusSeconds(5))
				.pollInterval(Duration.ofSeconds(1))
				.until(poller::isAlive);
			github.faultRate(0);
			github.stopGenerating();
			GitHubRequestLog.write("faulty", github);
			List<Fault> injected = github.requests()
				.stream()
				.map(RecordedRequest::fault)
				.filter((fault) -> fault != null)
				.toList();
			assertThat(injected).as("faults injected").hasSizeGreaterThanOrEqualTo(5);
			assertThat(Set.copyOf(injected)).as("kinds of fault injected").hasSizeGreaterThanOrEqualTo(3);

			Set<Long> served = github.servedIds();
			await("every event served is stored").atMost(Duration.ofSeconds(20))
				.until(() -> stored.ids().containsAll(served));
			assertThat(poller.isAlive()).isTrue();
			assertThat(served).hasSizeGreaterThan(3000);
			Set<Long> ids = stored.ids();
			assertThat(stored.eventsStoredCounter()).as("events counted by ingest").isEqualTo(ids.size());
		}
	}

}
