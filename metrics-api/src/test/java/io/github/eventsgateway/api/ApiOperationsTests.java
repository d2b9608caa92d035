package io.github.eventsgateway.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.github.eventsgateway.api.hot.KeptAnswers;
import io.github.eventsgateway.store.CredentialState;
import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.PollerReport;
import io.github.eventsgateway.store.testing.TestRedis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The poller status as the poller reports it, and the operational endpoints: health
 * probes, Prometheus metrics and the OpenAPI description.
 */
@ApiOnFixtureClock
class ApiOperationsTests {

	private static final Instant NOW = FixtureClock.NOW;

	private static TestRedis redis;

	@Autowired
	private WebTestClient client;

	@BeforeAll
	static void emptyTheStore(TestRedis testRedis) {
		redis = testRedis;
		TestEventStore.ofSharedContexts(redis).clear();
	}

	@BeforeEach
	void apiSeesTheStore(@Autowired ApplicationContext context) {
		KeptAnswers.awaitCurrentVersion(context);
	}

	@Test
	void countsAgainWithinTheSameSecondOnceAnEventIsStored() {
		try (TestEventStore store = TestEventStore.ofSharedContexts(redis)) {
			store.clear();
			store.ingest(List.of(new GitHubEvent("1", "WatchEvent", 1L, "o/r", "a", NOW.minusSeconds(5), null)));
			expectWatchEvents(1);
			expectWatchEvents(1);
			store.ingest(List.of(new GitHubEvent("2", "WatchEvent", 1L, "o/r", "a", NOW.minusSeconds(4), null)));
			// within the confirm interval of the write (hot answers)
			await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> expectWatchEvents(2));
		}
	}

	private void expectWatchEvents(int count) {
		this.client.get()
			.uri("/api/v1/events/counts?offset=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.counts.WatchEvent")
			.isEqualTo(count)
			.jsonPath("$.total")
			.isEqualTo(count);
	}

	@Test
	void reportsWhatThePollerReportedAndWhetherItIsStale() {
		try (TestEventStore store = TestEventStore.ofSharedContexts(redis)) {
			store.clear();
			store.ingestPages(FixtureEvents.pages().subList(0, 1));
			store.reportStatus("poller-a",
					PollerReport.builder("poller-a")
						.state("POLLING")
						.lastPoll(NOW.minusMillis(29_750), "200")
						.lastSuccessAt(NOW.minusMillis(29_750))
						.credentials(List.of(new CredentialState("token 1 of 1", "personal", 4712L, 5000L,
								Instant.parse("2025-01-01T15:52:00Z"), 30, null, null)))
						.pollInterval(Duration.ofSeconds(60))
						.error("GitHub answered 502", Instant.parse("2025-01-01T14:00:00Z"))
						.suspectedGaps(2)
						.build());
			this.client.get()
				.uri("/api/v1/poller/status")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.leader")
				.isEqualTo("poller-a")
				.jsonPath("$.leaseHolder")
				.isEqualTo("poller-a")
				.jsonPath("$.state")
				.isEqualTo("POLLING")
				.jsonPath("$.lastPollAt")
				.isEqualTo("2025-01-01T15:00:38Z")
				.jsonPath("$.lastPollOutcome")
				.isEqualTo("200")
				.jsonPath("$.lastSuccessAt")
				.isEqualTo("2025-01-01T15:00:38Z")
				.jsonPath("$.eventsStored")
				.isEqualTo(500)
				.jsonPath("$.newestEventAt")
				.isNotEmpty()
				.jsonPath("$.lagSeconds")
				.isNumber()
				.jsonPath("$.rateLimit.remaining")
				.isEqualTo(4712)
				.jsonPath("$.rateLimit.limit")
				.isEqualTo(5000)
				.jsonPath("$.rateLimit.resetAt")
				.isEqualTo("2025-01-01T15:52:00Z")
				.jsonPath("$.pollIntervalSeconds")
				.isEqualTo(60)
				.jsonPath("$.suspectedGaps")
				.isEqualTo(2)
				.jsonPath("$.tokens")
				.isEqualTo(1)
				.jsonPath("$.lastError")
				.isEqualTo("GitHub answered 502")
				.jsonPath("$.lastErrorAt")
				.isEqualTo("2025-01-01T14:00:00Z")
				.jsonPath("$.stale")
				.isEqualTo(false);
			store.reportStatus("poller-a",
					PollerReport.builder("poller-a")
						.state("RATE_LIMITED")
						.lastPoll(NOW.minusSeconds(20), "403")
						.lastSuccessAt(NOW.minus(Duration.ofMinutes(4)))
						.credentials(List.of(new CredentialState("token 1 of 1", "personal", 0L, 5000L,
								Instant.parse("2025-01-01T15:52:00Z"), 30, null, null)))
						.build());
			await().atMost(Duration.ofSeconds(2))
				.untilAsserted(() -> this.client.get()
					.uri("/api/v1/poller/status")
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.jsonPath("$.state")
					.isEqualTo("RATE_LIMITED")
					.jsonPath("$.lastPollOutcome")
					.isEqualTo("403")
					.jsonPath("$.stale")
					.isEqualTo(true));
		}
	}

	@Test
	void costsOneRedisRoundTripWhenTheStoreMovedOnAndNoneWhileItStandsStill() throws Exception {
		try (TestEventStore store = TestEventStore.ofSharedContexts(redis)) {
			store.ingestPages(FixtureEvents.pages().subList(0, 2));
			List<String> endpoints = List.of("/api/v1/events/counts?offset=10",
					"/api/v1/events/counts?offset=10&types=WatchEvent,PushEvent,IssuesEvent",
					"/api/v1/events/timeline?offset=60", "/api/v1/repos/tabler/tabler/pull-requests/average-interval",
					"/api/v1/repos/made-public", "/api/v1/poller/status");
			// The first call of a script after Redis started loads it (EVALSHA_RO, then
			// EVAL_RO).
			endpoints.forEach((endpoint) -> this.client.get().uri(endpoint).exchange().expectStatus().isOk());
			try (RedisMonitor monitor = new RedisMonitor(redis.port())) {
				long before = total("/api/v1/events/counts?offset=11");
				store.ingest(
						List.of(new GitHubEvent("moved-on", "WatchEvent", 1L, "o/r", "a", NOW.minusSeconds(3), null)));
				await().atMost(Duration.ofSeconds(2))
					.until(() -> total("/api/v1/events/counts?offset=11") == before + 1);
				monitor.requestCommands();
				for (String endpoint : endpoints) {
					this.client.get().uri(endpoint).exchange().expectStatus().isOk();
					// Counts and timelines also read their window's capture: a second
					// script, sent with the first on the one shared connection, so the
					// answer still waits for one round trip. The capture read the
					// poller's status too, which the status endpoint then answers from.
					boolean capture = endpoint.contains("/events/");
					boolean status = endpoint.endsWith("/status");
					assertThat(monitor.requestCommands()).as(endpoint)
						.hasSizeBetween(status ? 0 : 1, capture ? 2 : 1)
						.allSatisfy((command) -> assertThat(command).containsIgnoringCase("\"EVALSHA_RO\""));
				}
				for (String endpoint : endpoints) {
					this.client.get().uri(endpoint).exchange().expectStatus().isOk();
					assertThat(monitor.requestCommands()).as(endpoint).isEmpty();
				}
			}
		}
	}

	private long total(String counts) {
		Number total = JsonPath.read(this.client.get()
			.uri(counts)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody(), "$.total");
		return total.longValue();
	}

	@Test
	void reportsLivenessAndReadinessUpWhileRedisAnswers() {
		for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
			this.client.get()
				.uri(probe)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP");
		}
	}

	@Test
	void exposesRequestLatencyHistogramsPerEndpoint() {
		this.client.get().uri("/api/v1/events/counts?offset=5").exchange().expectStatus().isOk();
		this.client.get().uri("/api/v1/repos/made-public").exchange().expectStatus().isOk();
		String metrics = this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/events/counts\"")
			.containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/repos/made-public\"");
	}

	@Test
	@SuppressWarnings("unchecked")
	void documentsEveryEndpointWithAnExampleAndItsProblems() {
		List<String> paths = List.of("/api/v1/events/counts",
				"/api/v1/repos/{owner}/{repo}/pull-requests/average-interval", "/api/v1/repos/made-public",
				"/api/v1/poller/status");
		Map<String, Object> docs = this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		Map<String, Object> documented = (Map<String, Object>) docs.get("paths");
		assertThat(documented).containsKeys(paths.toArray(String[]::new)).doesNotContainKey("/bench/zcount");
		for (String path : paths) {
			Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) documented.get(path)).get("get");
			assertThat(get).as(path).containsKeys("summary", "description");
			Map<String, Object> responses = (Map<String, Object>) get.get("responses");
			Map<String, Object> ok = content(responses, "200", "application/json");
			assertThat(ok).as(path)
				.containsKey("schema")
				.containsAnyOf(entryKey(ok, "example"), entryKey(ok, "examples"));
			assertThat(content(responses, "400", "application/problem+json")).as(path).containsKey("examples");
			assertThat(content(responses, "503", "application/problem+json")).as(path).containsKey("examples");
		}
		this.client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
	}

	@Test
	@SuppressWarnings("unchecked")
	void advertisesTheAddressTheClientUsedThroughTheLoadBalancer() {
		Map<String, Object> docs = this.client.get()
			.uri("/v3/api-docs")
			.header("X-Forwarded-Host", "gateway.example")
			.header("X-Forwarded-Port", "9180")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		List<Map<String, Object>> servers = (List<Map<String, Object>>) docs.get("servers");
		assertThat(servers).extracting((server) -> server.get("url")).containsExactly("https://gateway.example:9180");
		this.client.get()
			.uri("/swagger-ui.html")
			.header("X-Forwarded-Host", "localhost")
			.header("X-Forwarded-Port", "9180")
			.header("X-Forwarded-Proto", "http")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.value("Location",
					(location) -> assertThat(location).satisfiesAnyOf(
							(relative) -> assertThat(relative).startsWith("/").doesNotStartWith("//"),
							(absolute) -> assertThat(absolute).startsWith("http://localhost:9180/")));
	}

	@Test
	void answersMalformedForwardedHeadersWithAProblemNotA5xx() {
		this.client.get()
			.uri("/v3/api-docs")
			.header("X-Forwarded-Port", "not-a-port")
			.exchange()
			.expectStatus()
			.is4xxClientError()
			.expectHeader()
			.contentType("application/problem+json");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> content(Map<String, Object> responses, String status, String mediaType) {
		Map<String, Object> response = (Map<String, Object>) responses.get(status);
		assertThat(response).as(status).isNotNull();
		return (Map<String, Object>) ((Map<String, Object>) response.get("content")).get(mediaType);
	}

	private static Map.Entry<String, Object> entryKey(Map<String, Object> map, String key) {
		return Map.entry(key, map.getOrDefault(key, "absent"));
	}

}
