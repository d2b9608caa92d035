package io.github.eventsgateway.system.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.eventsgateway.firehose.Firehose;
import io.github.eventsgateway.firehose.FirehoseSettings;
import io.github.eventsgateway.store.testing.RedisServerProcess;
import io.github.eventsgateway.system.support.GitHubRequestLog;
import io.github.eventsgateway.system.support.JavaService;
import io.github.eventsgateway.system.support.JavaService.Answer;
import io.github.eventsgateway.system.support.RedisStore;
import io.github.eventsgateway.system.support.Services;
import io.github.eventsgateway.system.support.StoredEvents;
import io.github.eventsgateway.system.support.Waiting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis killed under a running poller and API, then started again (empty, as it keeps
 * nothing on disk).
 */
class RedisOutageTests {

	private static final String COUNTS = "/api/v1/events/counts?offset=60";

	@Test
	@Timeout(value = 150, unit = TimeUnit.SECONDS)
	void apiAnswers503WhileRedisIsDownThenBothServicesRecoverAndStoreWhatGitHubStillShows() {
		FirehoseSettings settings = FirehoseSettings.builder()
			.eventsPerSecond(20)
			.pollIntervalSeconds(1)
			.tokens(List.of("outage-token"))
			.build();
		try (RedisServerProcess redis = RedisServerProcess.start();
				Firehose github = Firehose.start(settings);
				JavaService poller = Services.poller("outage-poller", github, RedisStore.of(redis), "outage-token",
						Map.of());
				JavaService api = Services.metricsApi("outage-api", RedisStore.of(redis));
				StoredEvents stored = new StoredEvents(RedisStore.of(redis))) {
			api.awaitOk("/actuator/health/liveness", Duration.ofSeconds(90));
			await("the poller stores events").atMost(Duration.ofSeconds(90))
				.until(() -> stored.eventsStoredCounter() > 0);
			Answer beforeDeath = api.get(COUNTS);
			assertThat(beforeDeath.status()).isEqualTo(200);

			redis.kill();
			Instant outageEnds = Instant.now().plusSeconds(8);
			int unavailable = 0;
			while (Instant.now().isBefore(outageEnds)) {
				Instant sent = Instant.now();
				Answer answer = api.get(COUNTS);
				assertThat(Duration.between(sent, Instant.now())).as("time to answer while Redis is down")
					.isLessThanOrEqualTo(Duration.ofSeconds(2));
				if (answer.status() == 200) {
					// Until the replica notices the lost connection (milliseconds), it
					// may
					// still give the answer it kept, which is exact: nothing was written
					// since.
					assertThat(answer.body()).as("a kept answer").isEqualTo(beforeDeath.body());
				}
				else {
					assertThat(answer.status()).as(answer.body()).isEqualTo(503);
					assertThat(answer.isProblem()).as(answer.contentType()).isTrue();
					unavailable++;
				}
				Waiting.sleep(Duration.ofMillis(250));
			}
			assertThat(unavailable).isGreaterThan(5);
			assertThat(poller.isAlive()).as("the poller survives the outage").isTrue();

			redis.restart();
			await("the API answers 200 again").atMost(Duration.ofSeconds(30))
				.until(() -> api.get(COUNTS).status() == 200);
			await("the poller stores events again").atMost(Duration.ofSeconds(60))
				.until(() -> stored.eventsStoredCounter() > 0);
			Waiting.sleep(Duration.ofSeconds(3));
			github.stopGenerating();
			List<Long> shownAfterOutage = github.visibleIds();
			await("everything GitHub still shows is stored").atMost(Duration.ofSeconds(20))
				.until(() -> stored.ids().containsAll(shownAfterOutage));

			GitHubRequestLog.write("outage", github);
			Set<Long> ids = stored.ids();
			assertThat(stored.eventsStoredCounter()).as("events counted by ingest").isEqualTo(ids.size());
			assertThat(stored.membersAcrossTypes()).isEqualTo(ids.size());
			assertThat(total(api.get(COUNTS))).as("the API's total").isEqualTo(ids.size());
			assertThat(poller.isAlive()).isTrue();
		}
	}

	static long total(Answer counts) {
		assertThat(counts.status()).as(counts.body()).isEqualTo(200);
		Matcher total = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(counts.body());
		assertThat(total.find()).as(counts.body()).isTrue();
		return Long.parseLong(total.group(1));
	}

}
