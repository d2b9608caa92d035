package io.github.eventsgateway.system.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.eventsgateway.firehose.Firehose;
import io.github.eventsgateway.firehose.FirehoseSettings;
import io.github.eventsgateway.store.testing.RedisServerProcess;
import io.github.eventsgateway.system.support.GitHubRequestLog;
import io.github.eventsgateway.system.support.JavaService;
import io.github.eventsgateway.system.support.JavaService.Answer;
import io.github.eventsgateway.system.support.RedisSentinels;
import io.github.eventsgateway.system.support.RedisStore;
import io.github.eventsgateway.system.support.Services;
import io.github.eventsgateway.system.support.StoredEvents;
import io.github.eventsgateway.system.support.Waiting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Redis master killed ({@code kill -9}) under a running poller and API that reach Redis
 * through three Sentinels, the API reading from the replica: the Sentinels promote the
 * replica, both services answer and write again within 10 seconds of the master's death,
 * and no event is counted twice.
 */
class SentinelFailoverTests {

	private static final Logger logger = LoggerFactory.getLogger(SentinelFailoverTests.class);

	private static final String COUNTS = "/api/v1/events/counts?offset=60";

	private static final Duration RECOVERY = Duration.ofSeconds(10);

	@Test
	@Timeout(value = 240, unit = TimeUnit.SECONDS)
	void bothServicesAnswerAndWriteAgainWithin10SecondsOfTheMastersDeath() {
		FirehoseSettings settings = FirehoseSettings.builder()
			.eventsPerSecond(20)
			.pollIntervalSeconds(1)
			.tokens(List.of("sentinel-token"))
			.build();
		try (RedisServerProcess master = RedisServerProcess.start();
				RedisServerProcess replica = RedisServerProcess.start("--replicaof", "127.0.0.1",
						Integer.toString(master.port()));
				RedisSentinels sentinels = RedisSentinels.start(3, master.port());
				Firehose github = Firehose.start(settings);
				JavaService poller = Services.poller("sentinel-poller", github, RedisStore.of(master), "sentinel-token",
						sentinels.environment());
				// the API reads from the replica while there is one
				// (application-sentinel.yml)
				JavaService api = Services.metricsApi("sentinel-api", sentinels.environment());
				StoredEvents onReplica = new StoredEvents(RedisStore.of(replica))) {
			api.awaitOk("/actuator/health/readiness", Duration.ofSeconds(90));
			await("the poller stores events").atMost(Duration.ofSeconds(90))
				.until(() -> onReplica.eventsStoredCounter() > 0);
			assertThat(api.get(COUNTS).status()).isEqualTo(200);

			try (Load load = new Load(api)) {
				Waiting.sleep(Duration.ofSeconds(2));
				master.kill();
				Instant died = Instant.now();
				await("the sentinels promote the replica").atMost(RECOVERY)
					.until(() -> sentinels.masterPort() == replica.port());
				long storedAtPromotion = onReplica.eventsStoredCounter();
				await("the poller writes to the new master").atMost(RECOVERY)
					.until(() -> onReplica.eventsStoredCounter() > storedAtPromotion);
				Instant firstWrite = Instant.now();
				Waiting.sleep(Duration.ofSeconds(3));
				Duration answersAgain = load.answeringSince(died);
				logger.info(
						"Master killed: API answering 200 again after {} ms ({} of {} requests failed),"
								+ " first write on the new master after {} ms",
						answersAgain.toMillis(), load.failures(), load.requests(),
						Duration.between(died, firstWrite).toMillis());
				assertThat(answersAgain).as("time until the API answers 200 again").isLessThanOrEqualTo(RECOVERY);
				assertThat(Duration.between(died, firstWrite)).as("time until the first write on the new master")
					.isLessThanOrEqualTo(RECOVERY);
			}
			assertThat(poller.isAlive()).as("the poller survives the failover").isTrue();

			github.stopGenerating();
			List<Long> shown = github.visibleIds();
			await("everything GitHub still shows is stored on the new master").atMost(Duration.ofSeconds(30))
				.until(() -> onReplica.ids().containsAll(shown));
			GitHubRequestLog.write("sentinel-failover", github);
			Set<Long> ids = onReplica.ids();
			assertThat(onReplica.eventsStoredCounter()).as("events counted by ingest").isEqualTo(ids.size());
			assertThat(onReplica.membersAcrossTypes()).as("events in the type sets").isEqualTo(ids.size());
			await("the API shows every stored event").atMost(Duration.ofSeconds(10))
				.until(() -> RedisOutageTests.total(api.get(COUNTS)) == ids.size());
		}
	}

	/**
	 * Requests to the API every 50 ms from a thread of its own, remembering when each
	 * failed.
	 */
	private static final class Load implements AutoCloseable {

		private final JavaService api;

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final ConcurrentLinkedQueue<Instant> failed = new ConcurrentLinkedQueue<>();

		private final Thread thread;

		private volatile int requests;

		Load(JavaService api) {
			this.api = api;
			this.thread = new Thread(this::run, "sentinel-failover-load");
			this.thread.start();
		}

		private void run() {
			while (this.running.get()) {
				Instant sent = Instant.now();
				Answer answer = this.api.get(COUNTS);
				this.requests++;
				if (answer.status() != 200) {
					this.failed.add(sent);
				}
				Waiting.sleep(Duration.ofMillis(50));
			}
		}

		/** How long after a moment the last failed request was sent (zero when none). */
		Duration answeringSince(Instant moment) {
			return this.failed.stream()
				.filter((sent) -> !sent.isBefore(moment))
				.max(Instant::compareTo)
				.map((last) -> Duration.between(moment, last))
				.orElse(Duration.ZERO);
		}

		int failures() {
			return this.failed.size();
		}

		int requests() {
			return this.requests;
		}

		@Override
		public void close() {
			this.running.set(false);
			try {
				this.thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
