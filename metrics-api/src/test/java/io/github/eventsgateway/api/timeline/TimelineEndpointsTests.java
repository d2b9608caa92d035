package io.github.eventsgateway.api.timeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import io.github.eventsgateway.api.timeline.GhArchiveEvents.TypeAndTime;
import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.testing.SharedRedis;
import io.github.eventsgateway.store.testing.TestRedis;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.github.eventsgateway.api.problem.BadRequests.expectBadRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@SharedRedis
class TimelineEndpointsTests {

	/** Just after the fixture's newest event (15:00:38Z). */
	static final Instant NOW = Instant.parse("2025-01-01T15:00:45Z");

	private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	@Autowired
	private WebTestClient client;

	@Autowired
	private ReactiveStringRedisTemplate template;

	/** The namespace of the store that the API's context reads. */
	private static TestRedis store;

	@BeforeAll
	static void sharedStore(TestRedis testRedis) {
		store = testRedis.inNamespace(EventStoreKeys.DEFAULT_NAMESPACE);
	}

	private static boolean stored;

	@BeforeEach
	void storeTheFixtureEventsOnce() {
		if (!stored) {
			flushAll();
			assertThat(GhArchiveEvents.store(this.template, UnaryOperator.identity())).isEqualTo(2048);
			stored = true;
			// The API notices the store moved on within its confirm interval (hot
			// answers).
			await().atMost(Duration.ofSeconds(2))
				.until(() -> Integer.valueOf(2048).equals(getTimeline("offset=60&bucket=1").get("total")));
		}
	}

	@Test
	void countsEachTypePerMinuteAsTheFixtureFileSays() {
		Map<String, Object> timeline = getTimeline("offset=60&bucket=1");

		assertThat(timeline).containsEntry("offsetMinutes", 60)
			.containsEntry("bucketMinutes", 1)
			.containsEntry("from", "2025-01-01T14:01:00Z")
			.containsEntry("to", "2025-01-01T15:01:00Z")
			.containsEntry("total", 2048);
		assertThat(timeline.get("buckets")).asInstanceOf(InstanceOfAssertFactories.list(String.class))
			.hasSize(60)
			.startsWith("2025-01-01T14:01:00Z")
			.endsWith("2025-01-01T15:00:00Z");
		assertThat(timeline.get("series")).isEqualTo(expectedSeries(Instant.parse("2025-01-01T14:01:00Z"), 1, 60));
	}

	@Test
	void countsInBucketsOfSeveralMinutesAlignedOnTheirLength() {
		Map<String, Object> timeline = getTimeline("offset=100&bucket=30");

		assertThat(timeline).containsEntry("from", "2025-01-01T13:30:00Z").containsEntry("to", "2025-01-01T15:30:00Z");
		assertThat(timeline.get("buckets")).asInstanceOf(InstanceOfAssertFactories.list(String.class)).hasSize(4);
		assertThat(timeline.get("series")).isEqualTo(expectedSeries(Instant.parse("2025-01-01T13:30:00Z"), 30, 4));
	}

	@Test
	void listsTheBusiestTypeFirst() {
		Map<String, Object> timeline = getTimeline("offset=5&bucket=1");

		assertThat(timeline.get("series")).asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
			.extracting(Map::keySet, InstanceOfAssertFactories.iterable(String.class))
			.startsWith("PushEvent", "CreateEvent");
	}

	@Test
	void drawsTheTimelineAsAnSvgChart() throws IOException {
		String svg = this.client.get()
			.uri("/api/v1/events/timeline.svg?offset=60&bucket=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(SVG)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Files.writeString(Path.of("target", "timeline.svg"), svg);

		assertThat(svg).contains("<svg", "</svg>", "width='900'", "PushEvent", "WatchEvent",
				"GitHub events per minute, last 60 minutes (to 2025-01-01 15:01 UTC, 2048 events)");
	}

	@Test
	void drawsAnEmptyChartThatSaysSoWhenNoEventIsInTheWindow() {
		flushAll();

		// The replica notices the emptied store within its confirm interval.
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
			String svg = this.client.get()
				.uri("/api/v1/events/timeline.svg?offset=60&bucket=1&width=600&height=300")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			Map<String, Object> timeline = getTimeline("offset=60&bucket=1");

			assertThat(svg).contains("<svg", "width='600'", "No events in the last 60 minutes")
				.doesNotContain("PushEvent");
			assertThat(timeline).containsEntry("total", 0).containsEntry("series", Map.of()).doesNotContainKey("empty");
			assertThat(timeline.get("buckets")).asInstanceOf(InstanceOfAssertFactories.list(String.class)).hasSize(60);
		});
	}

	@Test
	void answersBadParametersWithProblemJson() {
		for (String query : List.of("/api/v1/events/timeline?offset=0", "/api/v1/events/timeline?offset=abc",
				"/api/v1/events/timeline?offset=60&bucket=0", "/api/v1/events/timeline?offset=10081",
				"/api/v1/events/timeline?offset=10080&bucket=1", "/api/v1/events/timeline.svg?bucket=61",
				"/api/v1/events/timeline.svg?width=100000")) {
			expectBadRequest(this.client, query).jsonPath("$.detail")
				.value(String.class,
						(detail) -> assertThat(detail).containsAnyOf("must be", "at most").hasSizeLessThan(300))
				.jsonPath("$.instance")
				.isEqualTo(query.substring(0, query.indexOf('?')));
		}
	}

	@Test
	void documentsBothEndpointsInOpenApiWithExamples() {
		String docs = this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(docs).contains("\"/api/v1/events/timeline\"", "\"/api/v1/events/timeline.svg\"", "\"image/svg+xml\"",
				"2026-11-23T10:13:00Z", "invalid-parameter");
	}

	private void flushAll() {
		store.clear();
		stored = false;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> getTimeline(String query) {
		return this.client.get()
			.uri("/api/v1/events/timeline?" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private static Map<String, List<Integer>> expectedSeries(Instant from, int bucketMinutes, int buckets) {
		Map<String, Integer[]> counts = new TreeMap<>();
		for (TypeAndTime event : GhArchiveEvents.readIndependently(UnaryOperator.identity())) {
			long index = event.bucketIndex(from, Duration.ofMinutes(bucketMinutes));
			if (index >= 0 && index < buckets) {
				Integer[] perBucket = counts.computeIfAbsent(event.type(), (type) -> zeros(buckets));
				perBucket[(int) index]++;
			}
		}
		Map<String, List<Integer>> series = new TreeMap<>();
		counts.forEach((type, perBucket) -> series.put(type, List.of(perBucket)));
		return series;
	}

	private static Integer[] zeros(int length) {
		Integer[] zeros = new Integer[length];
		Arrays.fill(zeros, 0);
		return zeros;
	}

	@TestConfiguration
	static class PinnedClock {

		@Bean
		@Primary
		Clock pinnedClock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
