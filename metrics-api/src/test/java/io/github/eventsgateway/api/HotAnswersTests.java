package io.github.eventsgateway.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.eventsgateway.api.RawHttp.Response;
import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.Timeline;
import io.github.eventsgateway.store.testing.CommandStats;
import io.github.eventsgateway.store.testing.MutableClock;
import io.github.eventsgateway.store.testing.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas on one Redis keep the answers they computed: hot requests cost Redis
 * (almost) nothing, and a write reaches both replicas' answers within the confirm
 * interval. A third, whose clock the tests move, answers the counts windows of a block of
 * ten seconds from one read, and reads only the new bucket when a timeline moves on. It
 * restarts its Redis and counts the server's commands ({@code INFO commandstats}), so it
 * starts a {@code redis-server} of its own instead of the shared one, where other
 * classes' contexts keep reading.
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

	/** A third replica, whose clock the tests move: windows that move on. */
	private static ConfigurableApplicationContext moving;

	/**
	 * A block's first second: the fixture's events leave a one-minute window from here.
	 */
	private static final Instant BLOCK = Instant.parse("2025-01-01T15:01:10Z");

	private static final MutableClock clock = new MutableClock(BLOCK);

	@BeforeAll
	static void startTwoReplicasOnOneRedis() {
		redis = RedisServerProcess.start();
		store = new TestEventStore(redis);
		store.ingestPages(FixtureEvents.pages());
		first = startReplica();
		second = startReplica();
		moving = new SpringApplicationBuilder(MetricsApiApplication.class, ClockOfTheTest.class).run("--server.port=0",
				"--spring.data.redis.url=" + redis.url(), "--gateway.store.retention=7400d");
	}

	@AfterAll
	static void stopAll() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { first, second, moving }) {
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
		long reads = CommandStats.scripts(after) - CommandStats.scripts(before);
		long commands = CommandStats.between(before, after);
		logger.info("{} requests in {} ms cost Redis {} commands, {} of them scripts", requests, took.toMillis(),
				commands, reads);
		assertThat(reads).isZero();
		// only the three replicas' confirmations of the version: a GET each per 100 ms
		assertThat(after.keySet()).containsOnly(before.keySet().toArray(String[]::new));
		assertThat(commands).isLessThanOrEqualTo(3 * (took.toMillis() / 100 + 2));
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

	@Test
	void answerTheWindowsOfABlocksSecondsFromOneReadOfRedisExactly() {
		String counts = "/api/v1/events/counts?offset=1";
		clock.set(BLOCK);
		awaitKept(port(moving), counts);
		Map<String, Long> before = CommandStats.of(redis.port());
		Map<Instant, Long> answered = new LinkedHashMap<>();
		for (int second = 0; second <= 9; second++) {
			clock.set(BLOCK.plusSeconds(second));
			answered.put(clock.instant(), total(RawHttp.send(port(moving), "GET", counts).body()));
		}
		assertThat(CommandStats.scripts(CommandStats.of(redis.port())) - CommandStats.scripts(before)).isZero();
		clock.set(BLOCK.plusSeconds(10));
		answered.put(clock.instant(), total(RawHttp.send(port(moving), "GET", counts).body()));
		assertThat(CommandStats.scripts(CommandStats.of(redis.port())) - CommandStats.scripts(before)).isEqualTo(1);
		// Exact: what Redis counts in each window, read directly.
		answered.forEach((end, total) -> assertThat(total).as("the window ending at %s", end)
			.isEqualTo(sum(store.reader().countByType(end.minusSeconds(60), end, List.of()).block().values())));
		assertThat(Set.copyOf(answered.values())).as("the fixture's events leave the window as it moves")
			.hasSizeGreaterThan(1);
	}

	@Test
	void readOnlyTheNewBucketWhenATimelineMovesOnAndTheStoreDidNotChange() {
		String timeline = "/api/v1/events/timeline?offset=60&bucket=1";
		clock.set(BLOCK);
		awaitKept(port(moving), timeline);
		Map<String, Long> before = CommandStats.of(redis.port());
		clock.set(BLOCK.plusSeconds(60));
		String moved = RawHttp.send(port(moving), "GET", timeline).body();
		long zcounts = CommandStats.of(redis.port()).getOrDefault("zcount", 0L) - before.getOrDefault("zcount", 0L);
		// one bucket of every type stored, not sixty
		assertThat(zcounts).isPositive().isLessThanOrEqualTo(40);
		Timeline read = store.reader()
			.timeline(Instant.parse("2025-01-01T14:03:00Z"), Duration.ofMinutes(1), 60, List.of())
			.block();
		assertThat(total(moved)).isEqualTo(read.counts().values().stream().flatMapToLong(Arrays::stream).sum());
	}

	private static long sum(Collection<Long> counts) {
		return counts.stream().mapToLong(Long::longValue).sum();
	}

	private static long awaitPositiveTotal(int port) {
		Response response = await("the counts coming back").atMost(Duration.ofSeconds(10))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(10))
			.until(() -> RawHttp.send(port, "GET", COUNTS),
					(answer) -> answer.status() == 200 && total(answer.body()) > 0);
		return total(response.body());
	}

	/** Asks until an answer costs no script: the answer is kept. */
	private static void awaitKept(int port, String target) {
		await(target + " answered from memory").atMost(Duration.ofSeconds(10))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> {
				long before = CommandStats.scripts(CommandStats.of(redis.port()));
				assertThat(RawHttp.send(port, "GET", target).status()).as(target).isEqualTo(200);
				return CommandStats.scripts(CommandStats.of(redis.port())) == before;
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

	/** The moving replica's clock. Deliberately not a {@code @Configuration}. */
	static class ClockOfTheTest {

		@Bean
		@Primary
		Clock movingClock() {
			return clock;
		}

	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
