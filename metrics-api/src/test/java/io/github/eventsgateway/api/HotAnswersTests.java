package io.github.eventsgateway.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.eventsgateway.api.RawHttp.Response;
import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.testing.CommandStats;
import io.github.eventsgateway.store.testing.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas on one Redis keep the answers they computed: hot requests cost Redis
 * (almost) nothing, and a write reaches both replicas' answers within the confirm
 * interval. It restarts its Redis and counts the server's commands
 * ({@code INFO commandstats}), so it starts a {@code redis-server} of its own instead of
 * the shared one, where other classes' contexts keep reading.
 */
class HotAnswersTests {

	private static final Logger logger = LoggerFactory.getLogger(HotAnswersTests.class);

	private static final List<String> ENDPOINTS = List.of("/api/v1/events/counts?offset=10",
			"/api/v1/events/counts?offset=60&types=PushEvent,WatchEvent", "/api/v1/events/timeline?offset=60",
			"/api/v1/events/timeline.svg?offset=60",
			"/api/v1/repos/sigmavirus24/github3.py/pull-requests/average-interval",
			"/api/v1/repos/made-public?limit=100", "/api/v1/poller/status");

	private static final String COUNTS = "/api/v1/events/counts?offset=10";

	private static RedisServerProcess redis;

	private static TestEventStore store;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoReplicasOnOneRedis() {
		redis = RedisServerProcess.start();
		store = new TestEventStore(redis);
		store.ingestPages(FixtureEvents.pages());
		first = startReplica();
		second = startReplica();
	}

	@AfterAll
	static void stopAll() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { first, second }) {
			if (context != null) {
				context.close();
			}
		}
		if (store != null) {
			store.close();
		}
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void answerHotRequestsWithoutReadingRedisAgain() {
		for (String target : ENDPOINTS) {
			awaitKept(port(first), target);
			awaitKept(port(second), target);
		}
		Map<String, Long> before = CommandStats.of(redis.port());
		int requests = 0;
		long started = System.nanoTime();
		for (int round = 0; round < 72; round++) {
			for (String target : ENDPOINTS) {
				assertThat(RawHttp.send(port((requests % 2 == 0) ? first : second), "GET", target).status()).as(target)
					.isEqualTo(200);
				requests++;
			}
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		Map<String, Long> after = CommandStats.of(redis.port());
		long reads = scriptReads(after) - scriptReads(before);
		long commands = CommandStats.between(before, after);
		logger.info("{} requests in {} ms cost Redis {} commands, {} of them scripts", requests, took.toMillis(),
				commands, reads);
		assertThat(reads).isZero();
		// only the replicas' confirmations of the version: a GET each per 100 ms
		assertThat(after.keySet()).containsOnly(before.keySet().toArray(String[]::new));
		assertThat(commands).isLessThanOrEqualTo(2 * (took.toMillis() / 100 + 2));
	}

	@Test
	void showANewEventOnEveryReplicaWithinTheConfirmInterval() {
		long total = total(RawHttp.send(port(first), "GET", COUNTS).body());
		assertThat(total(RawHttp.send(port(second), "GET", COUNTS).body())).isEqualTo(total);
		store.ingest(List.of(new GitHubEvent("hot-answers-1", "WatchEvent", 1L, "o/r", "someone",
				FixtureClock.NOW.minusSeconds(5), null)));
		long written = System.nanoTime();
		long firstSees = awaitTotal(port(first), total + 1);
		long secondSees = awaitTotal(port(second), total + 1);
		long delayMillis = Duration.ofNanos(Math.max(firstSees, secondSees) - written).toMillis();
		logger.info("A write reached both replicas' answers after {} ms", delayMillis);
		assertThat(delayMillis).isLessThan(1000);
	}

	@Test
	void keepNothingAcrossALostRedis() {
		String before = RawHttp.send(port(first), "GET", COUNTS).body();
		assertThat(total(before)).isPositive();
		redis.restart();
		// the restarted Redis is empty: no replica may still give the old counts
		for (ConfigurableApplicationContext replica : List.of(first, second)) {
			Response response = await().atMost(Duration.ofSeconds(10))
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(50))
				.until(() -> RawHttp.send(port(replica), "GET", COUNTS), (answer) -> answer.status() == 200);
			assertThat(total(response.body())).isZero();
		}
		store.ingestPages(FixtureEvents.pages());
		long refilled = awaitPositiveTotal(port(first));
		assertThat(awaitTotal(port(second), refilled)).isPositive();
	}

	private static long awaitPositiveTotal(int port) {
		Response response = await("the counts coming back").atMost(Duration.ofSeconds(10))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(10))
			.until(() -> RawHttp.send(port, "GET", COUNTS),
					(answer) -> answer.status() == 200 && total(answer.body()) > 0);
		return total(response.body());
	}

	private static long scriptReads(Map<String, Long> calls) {
		return calls.getOrDefault("evalsha_ro", 0L) + calls.getOrDefault("eval_ro", 0L)
				+ calls.getOrDefault("evalsha", 0L) + calls.getOrDefault("eval", 0L);
	}

	/** Asks until an answer costs no script: the answer is kept. */
	private static void awaitKept(int port, String target) {
		await(target + " answered from memory").atMost(Duration.ofSeconds(10))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> {
				long before = scriptReads(CommandStats.of(redis.port()));
				assertThat(RawHttp.send(port, "GET", target).status()).as(target).isEqualTo(200);
				return scriptReads(CommandStats.of(redis.port())) == before;
			});
	}

	/** Waits until the counts reach a total, and tells when (in nanoseconds). */
	private static long awaitTotal(int port, long expected) {
		await("a total of " + expected).atMost(Duration.ofSeconds(10))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(2))
			.until(() -> RawHttp.send(port, "GET", COUNTS),
					(answer) -> answer.status() == 200 && total(answer.body()) == expected);
		return System.nanoTime();
	}

	private static long total(String body) {
		int at = body.indexOf("\"total\":") + "\"total\":".length();
		int end = at;
		while (Character.isDigit(body.charAt(end))) {
			end++;
		}
		return Long.parseLong(body.substring(at, end));
	}

	private static ConfigurableApplicationContext startReplica() {
		return new SpringApplicationBuilder(MetricsApiApplication.class, FixtureClock.class).run("--server.port=0",
				"--spring.data.redis.url=" + redis.url(), "--gateway.store.retention=7400d");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
