package io.github.eventsgateway.system.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

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
import io.github.eventsgateway.system.support.Waiting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two pollers, each with a token of its own so that the stand-in tells their requests
 * apart; the leader is killed with {@code kill -9}.
 */
@SharedRedis
class LeaderFailoverTests {

	@Test
	@Timeout(value = 150, unit = TimeUnit.SECONDS)
	void standbyTakesOverWithin15SecondsWithoutOverlapOrDoubleCounting(TestRedis testRedis) {
		// 10 events/s: a 15 s takeover leaves 150 new events, inside the 300-event window
		FirehoseSettings settings = FirehoseSettings.builder()
			.eventsPerSecond(10)
			.pollIntervalSeconds(1)
			.tokens(List.of("token-of-a", "token-of-b"))
			.build();
		RedisStore redis = RedisStore.of(testRedis);
		try (Firehose github = Firehose.start(settings);
				JavaService pollerA = Services.poller("failover-a", github, redis, "token-of-a", Map.of());
				JavaService pollerB = Services.poller("failover-b", github, redis, "token-of-b", Map.of());
				StoredEvents stored = new StoredEvents(redis)) {
			await("a leader stores events").atMost(Duration.ofSeconds(90))
				.until(() -> stored.eventsStoredCounter() > 0);
			Waiting.sleep(Duration.ofSeconds(3));
			String leaderCredential = github.requests().get(0).credential();
			boolean aLeads = "token-1".equals(leaderCredential);
			JavaService leader = aLeads ? pollerA : pollerB;
			String standbyCredential = aLeads ? "token-2" : "token-1";
			assertThat(github.requests()).as("only the leader polls")
				.allSatisfy((request) -> assertThat(request.credential()).isEqualTo(leaderCredential));

			Instant killedAt = Instant.now();
			leader.kill();
			await("the standby polls").atMost(Duration.ofSeconds(20))
				.until(() -> github.requests()
					.stream()
					.anyMatch((request) -> request.credential().equals(standbyCredential)));
			Instant takeover = github.requests()
				.stream()
				.filter((request) -> request.credential().equals(standbyCredential))
				.map(RecordedRequest::receivedAt)
				.min(Comparator.naturalOrder())
				.orElseThrow();
			assertThat(Duration.between(killedAt, takeover)).as("time to the standby's first poll")
				.isLessThanOrEqualTo(Duration.ofSeconds(15));

			Waiting.sleep(Duration.ofSeconds(3));
			github.stopGenerating();
			List<Long> generated = github.generatedIds();
			await("every generated event is stored").atMost(Duration.ofSeconds(20))
				.until(() -> stored.ids().containsAll(generated));

			GitHubRequestLog.write("failover", github);
			List<RecordedRequest> requests = github.requests()
				.stream()
				.sorted(Comparator.comparing(RecordedRequest::receivedAt))
				.toList();
			assertThat(requests).as("never two pollers at once: the leader's requests, then the standby's")
				.allSatisfy((request) -> assertThat(request.credential())
					.isEqualTo(request.receivedAt().isBefore(takeover) ? leaderCredential : standbyCredential));
			assertThat(requests).filteredOn((request) -> request.credential().equals(leaderCredential))
				.allSatisfy((request) -> assertThat(request.receivedAt()).isBefore(killedAt));
			Set<Long> ids = stored.ids();
			assertThat(stored.eventsStoredCounter()).as("events counted by ingest").isEqualTo(ids.size());
			assertThat(ids).hasSize(generated.size());
		}
	}

}
