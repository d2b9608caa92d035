package io.github.eventsgateway.poller;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.eventsgateway.poller.testing.Fixtures;
import io.github.eventsgateway.store.CredentialState;
import io.github.eventsgateway.store.EventReader;
import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.PollerStatus;
import io.github.eventsgateway.store.PollerStatusStore;
import io.github.eventsgateway.store.testing.SharedRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole poller application against a WireMock GitHub serving the split feed of 2026
 * (page 1 Push/Create/Delete, pages 2 and 3 every other type, real events) and a real
 * Redis: it takes the lease, drops a refused token without printing it, reads every page
 * with the other, stores the events, writes its status and serves health and metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.store.namespace=poller-app", "gateway.store.retention=P7300D",
				"gateway.poller.instance-id=poller-test-1" })
@SharedRedis
@ExtendWith(OutputCaptureExtension.class)
class PollerApplicationTests {

	private static final String REFUSED_TOKEN = "ghp_refusedTokenValue111";

	private static final String GOOD_TOKEN = "ghp_goodTokenValue222";

	private static final WireMockServer github = startGitHub();

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("gateway.poller.github-api-url", github::baseUrl);
		registry.add("gateway.poller.tokens", () -> REFUSED_TOKEN + ", ," + GOOD_TOKEN);
	}

	@AfterAll
	static void stop() {
		github.stop();
	}

	@Test
	void readsEveryPageWithTheTokenGitHubAcceptsAndServesStatusHealthAndMetrics(CapturedOutput output) {
		EventStoreKeys keys = new EventStoreKeys("poller-app");
		PollerStatusStore store = new PollerStatusStore(this.redis, keys);
		PollerStatus status = await().atMost(Duration.ofSeconds(30))
			.until(() -> store.read().block(Duration.ofSeconds(5)), (read) -> read.eventsStored() != null
					&& read.eventsStored() == 300 && "304".equals(read.lastPollOutcome()));
		assertThat(status.leader()).isEqualTo("poller-test-1");
		assertThat(status.leaseHolder()).isEqualTo("poller-test-1");
		assertThat(status.state()).isEqualTo("POLLING");
		assertThat(status.pacing()).isEqualTo("budget");
		assertThat(status.tokens()).isEqualTo(1);
		assertThat(status.credentials()).extracting(CredentialState::label).containsExactly("token 2 of 2");
		assertThat(status.rateLimitLimit()).isEqualTo(5000);
		assertThat(status.lastSuccessAt()).isNotNull();
		assertThat(status.streams()).isNotEmpty();
		assertThat(status.deliveryDelayP99()).isNotNull();
		Map<String, Long> counts = new EventReader(this.redis, keys)
			.countByType(Instant.parse("2025-01-01T14:00:00Z"), Instant.parse("2025-01-01T16:00:00Z"), List.of())
			.block(Duration.ofSeconds(5));
		assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(300);
		for (int page = 1; page <= 3; page++) {
			github.verify(getRequestedFor(urlEqualTo("/events?per_page=100&page=" + page)).withHeader("Authorization",
					equalTo("Bearer " + GOOD_TOKEN)));
		}

		assertThat(output).contains("GitHub refused token 1 of 2 (401); dropped it, 1 usable left")
			.doesNotContain(REFUSED_TOKEN)
			.doesNotContain(GOOD_TOKEN);

		WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		String metrics = client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).contains("poller_events_ingested_total{application=\"poller-service\",type=\"PushEvent\"}")
			.contains("poller_requests_total{application=\"poller-service\",page=\"1\",status=\"200\"}")
			.contains("poller_requests_total{application=\"poller-service\",page=\"2\",status=\"200\"}")
			.contains("poller_requests_total{application=\"poller-service\",page=\"1\",status=\"304\"}")
			.contains("poller_requests_total{application=\"poller-service\",page=\"1\",status=\"401\"}")
			.contains("poller_rate_limit_remaining{application=\"poller-service\",credential=\"token 2 of 2\"}")
			.contains("poller_capture_events_total{application=\"poller-service\",stream=")
			.contains("poller_lag_seconds{application=\"poller-service\"}")
			.contains("poller_leader{application=\"poller-service\"} 1.0")
			.contains("http_client_requests_seconds_count{application=\"poller-service\"")
			.doesNotContain(GOOD_TOKEN);
	}

	private static WireMockServer startGitHub() {
		WireMockServer server = new WireMockServer(options().dynamicPort());
		server.start();
		server.stubFor(get(urlPathEqualTo("/events")).withHeader("Authorization", equalTo("Bearer " + REFUSED_TOKEN))
			.willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Bad credentials\"}")));
		for (int page = 1; page <= 3; page++) {
			byte[] body = (page == 1) ? Fixtures.splitFeedPage(true, 0)
					: Fixtures.splitFeedPage(false, (page - 2) * 100);
			String etag = "W/\"page-" + page + "\"";
			server.stubFor(get(urlEqualTo("/events?per_page=100&page=" + page))
				.withHeader("Authorization", equalTo("Bearer " + GOOD_TOKEN))
				.willReturn(budget(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withHeader("ETag", etag)
					.withHeader("X-Poll-Interval", "60")
					.withBody(body))));
			server.stubFor(get(urlEqualTo("/events?per_page=100&page=" + page))
				.withHeader("Authorization", equalTo("Bearer " + GOOD_TOKEN))
				.withHeader("If-None-Match", equalTo(etag))
				.willReturn(budget(aResponse().withStatus(304))));
		}
		return server;
	}

	private static ResponseDefinitionBuilder budget(ResponseDefinitionBuilder response) {
		long reset = Instant.now().plusSeconds(3600).getEpochSecond();
		return response.withHeader("x-ratelimit-limit", "5000")
			.withHeader("x-ratelimit-remaining", "4990")
			.withHeader("x-ratelimit-reset", Long.toString(reset));
	}

}
