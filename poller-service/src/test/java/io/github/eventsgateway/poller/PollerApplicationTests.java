package io.github.eventsgateway.poller;

import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.eventsgateway.poller.testing.Fixtures;
import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.PollerStatus;
import io.github.eventsgateway.store.PollerStatusStore;
import io.github.eventsgateway.store.testing.RedisServerProcess;
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
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole poller application against a WireMock GitHub and a real Redis: it takes the
 * lease, drops a refused token without printing it, polls with the other, stores the
 * events, writes its status and serves health and metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class PollerApplicationTests {

	private static final String REFUSED_TOKEN = "ghp_refusedTokenValue111";

	private static final String GOOD_TOKEN = "ghp_goodTokenValue222";

	private static final RedisServerProcess redisServer = RedisServerProcess.start();

	private static final WireMockServer github = startGitHub();

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", redisServer::url);
		registry.add("gateway.poller.github-api-url", github::baseUrl);
		registry.add("gateway.poller.tokens", () -> REFUSED_TOKEN + ", ," + GOOD_TOKEN);
		registry.add("gateway.poller.instance-id", () -> "poller-test-1");
		registry.add("gateway.store.retention", () -> "P7300D");
		registry.add("gateway.poller.default-poll-interval", () -> "200ms");
		registry.add("gateway.poller.min-poll-interval", () -> "100ms");
	}

	@AfterAll
	static void stop() {
		github.stop();
		redisServer.close();
	}

	@Test
	void pollsWithTheTokenGitHubAcceptsAndServesStatusHealthAndMetrics(CapturedOutput output) {
		PollerStatus status = awaitStatus();
		assertThat(status.leader()).isEqualTo("poller-test-1");
		assertThat(status.leaseHolder()).isEqualTo("poller-test-1");
		assertThat(status.eventsStored()).isEqualTo(30);
		assertThat(status.state()).isEqualTo("POLLING");
		assertThat(status.tokens()).isEqualTo(1);
		assertThat(status.rateLimitRemaining()).isEqualTo(4990);
		assertThat(status.lastSuccessAt()).isNotNull();
		github.verify(getRequestedFor(urlEqualTo("/events?per_page=100")).withHeader("Authorization",
				equalTo("Bearer " + GOOD_TOKEN)));

		assertThat(output).contains("GitHub refused token 1 of 2 (401); dropped it, 1 of 2 usable tokens left")
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
			.contains("poller_polls_total{application=\"poller-service\",outcome=\"200\"}")
			.contains("poller_polls_total{application=\"poller-service\",outcome=\"304\"}")
			.contains("poller_requests_total{application=\"poller-service\",status=\"401\"}")
			.contains("poller_rate_limit_remaining{application=\"poller-service\"} 4990.0")
			.contains("poller_lag_seconds{application=\"poller-service\"}")
			.contains("poller_suspected_gaps_total{application=\"poller-service\"} 0.0")
			.contains("poller_leader{application=\"poller-service\"} 1.0");
	}

	private PollerStatus awaitStatus() {
		PollerStatusStore store = new PollerStatusStore(this.redis, EventStoreKeys.defaults());
		Instant deadline = Instant.now().plusSeconds(20);
		while (true) {
			PollerStatus status = store.read().block(Duration.ofSeconds(5));
			if (status != null && "304".equals(status.lastPollOutcome())) {
				return status;
			}
			assertThat(Instant.now()).as("the poller stored events and polled again").isBefore(deadline);
			sleep();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static WireMockServer startGitHub() {
		WireMockServer server = new WireMockServer(options().dynamicPort());
		server.start();
		long reset = Instant.now().plusSeconds(3600).getEpochSecond();
		server.stubFor(
				get(urlEqualTo("/events?per_page=100")).withHeader("Authorization", equalTo("Bearer " + REFUSED_TOKEN))
					.willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Bad credentials\"}")));
		server.stubFor(
				get(urlEqualTo("/events?per_page=100")).withHeader("Authorization", equalTo("Bearer " + GOOD_TOKEN))
					.willReturn(aResponse().withStatus(200)
						.withHeader("Content-Type", "application/json")
						.withHeader("ETag", "W/\"page-1\"")
						.withHeader("x-ratelimit-limit", "5000")
						.withHeader("x-ratelimit-remaining", "4990")
						.withHeader("x-ratelimit-reset", Long.toString(reset))
						.withBody(Fixtures.bytes(Fixtures.PAGE_2020))));
		server.stubFor(
				get(urlEqualTo("/events?per_page=100")).withHeader("Authorization", equalTo("Bearer " + GOOD_TOKEN))
					.withHeader("If-None-Match", equalTo("W/\"page-1\""))
					.willReturn(aResponse().withStatus(304)
						.withHeader("x-ratelimit-limit", "5000")
						.withHeader("x-ratelimit-remaining", "4990")
						.withHeader("x-ratelimit-reset", Long.toString(reset))));
		return server;
	}

}
