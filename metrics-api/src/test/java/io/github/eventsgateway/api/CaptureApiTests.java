package io.github.eventsgateway.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.eventsgateway.store.CaptureRecord;
import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.EventWriter;
import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.PollerLease;
import io.github.eventsgateway.store.PollerReport;
import io.github.eventsgateway.store.PollerStatusStore;
import io.github.eventsgateway.store.StreamState;
import io.github.eventsgateway.store.testing.RedisServerProcess;
import io.github.eventsgateway.store.testing.RedisTemplates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every count says how complete its window is: per stream of the feed, what the poller
 * stored and estimates it missed, and whether late events may still arrive.
 */
@SpringBootTest(classes = { MetricsApiApplication.class, FixtureClock.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
class CaptureApiTests {

	static final RedisServerProcess redis = RedisServerProcess.start();

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void redisUrl(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", redis::url);
	}

	/**
	 * Five minutes ago the poller read pages 2-3 (three new events, none missed) and page
	 * 1 (two new events, six estimated missed); GitHub delivers 99 % of events within ten
	 * minutes.
	 */
	@BeforeAll
	static void pollerCapturedBothStreams() {
		LettuceConnectionFactory connections = RedisTemplates.connectionFactory(redis);
		try {
			ReactiveStringRedisTemplate template = RedisTemplates.template(connections);
			EventStoreKeys keys = EventStoreKeys.defaults();
			String token = new PollerLease(template, keys).acquireOrRenew("poller-1", Duration.ofMinutes(5))
				.block(TIMEOUT);
			new PollerStatusStore(template, keys)
				.update(token, PollerReport.builder("poller-1")
					.state("POLLING")
					.streams(List.of(new StreamState("p2-3", List.of(2, 3), List.of("PullRequestEvent", "WatchEvent"),
							40.0, 1.2, 1), new StreamState("p1", List.of(1), List.of("PushEvent"), 190.0, 2.5, 2)))
					.deliveryDelay(Duration.ofSeconds(4), Duration.ofMinutes(10))
					.build())
				.block(TIMEOUT);
			EventWriter writer = new EventWriter(template, keys, TestEventStore.RETENTION);
			Instant readAt = FixtureClock.NOW.minusSeconds(300);
			writer
				.ingest(List.of(event("1", "PullRequestEvent"), event("2", "WatchEvent"), event("3", "WatchEvent")),
						token, new CaptureRecord("p2-3", readAt, 0, 0, 2))
				.block(TIMEOUT);
			writer
				.ingest(List.of(event("4", "PushEvent"), event("5", "PushEvent")), token,
						new CaptureRecord("p1", readAt, 6, 1, 1))
				.block(TIMEOUT);
		}
		finally {
			connections.destroy();
		}
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@Test
	void countsSayWhatShareOfEachStreamTheWindowHoldsKeptCompleteStreamFirst() {
		this.client.get()
			.uri("/api/v1/events/counts?offset=10")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(5)
			.jsonPath("$.capture.streams.length()")
			.isEqualTo(2)
			.jsonPath("$.capture.streams[0].stream")
			.isEqualTo("p2-3")
			.jsonPath("$.capture.streams[0].pages")
			.isEqualTo(List.of(2, 3))
			.jsonPath("$.capture.streams[0].captured")
			.isEqualTo(3)
			.jsonPath("$.capture.streams[0].estimatedMissed")
			.isEqualTo(0)
			.jsonPath("$.capture.streams[0].share")
			.isEqualTo(1.0)
			.jsonPath("$.capture.streams[1].stream")
			.isEqualTo("p1")
			.jsonPath("$.capture.streams[1].types")
			.isEqualTo(List.of("PushEvent"))
			.jsonPath("$.capture.streams[1].captured")
			.isEqualTo(2)
			.jsonPath("$.capture.streams[1].estimatedMissed")
			.isEqualTo(6)
			.jsonPath("$.capture.streams[1].share")
			.isEqualTo(0.25);
	}

	@Test
	void aWindowEndingNowSettlesOnceTheFeedsDeliveryDelayHasPassed() {
		this.client.get()
			.uri("/api/v1/events/counts?offset=10")
			.exchange()
			.expectBody()
			.jsonPath("$.capture.settling")
			.isEqualTo(true)
			.jsonPath("$.capture.settledAt")
			.isEqualTo("2025-01-01T15:11:08Z");
	}

	@Test
	void theTimelineSaysHowCompleteItIsToo() {
		this.client.get()
			.uri("/api/v1/events/timeline?offset=20&bucket=10")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(5)
			.jsonPath("$.capture.streams[0].stream")
			.isEqualTo("p2-3")
			.jsonPath("$.capture.streams[1].share")
			.isEqualTo(0.25)
			.jsonPath("$.capture.settling")
			.isEqualTo(true);
	}

	@Test
	void aWindowAfterTheLastReadsListsNoStream() {
		// The poller last read five minutes ago: the last minute captured nothing
		this.client.get()
			.uri("/api/v1/events/counts?offset=1")
			.exchange()
			.expectBody()
			.jsonPath("$.capture.streams.length()")
			.isEqualTo(0);
	}

	private static GitHubEvent event(String id, String type) {
		return new GitHubEvent(id, type, null, null, null, FixtureClock.NOW.minusSeconds(290), null);
	}

}
