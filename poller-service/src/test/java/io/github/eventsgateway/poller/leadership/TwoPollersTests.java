package io.github.eventsgateway.poller.leadership;

import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.eventsgateway.poller.PollerApplication;
import io.github.eventsgateway.poller.testing.Fixtures;
import io.github.eventsgateway.store.PollerStatus;
import io.github.eventsgateway.store.PollerStatusStore;
import io.github.eventsgateway.store.testing.SharedRedis;
import io.github.eventsgateway.store.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

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
 * Two whole poller applications, wired as in production, on one real Redis and one
 * WireMock GitHub: only the leader polls, and when it stops the standby polls at once
 * without counting any event twice. (A leader killed without releasing the lease is the
 * fault test {@code LeaderFailoverTests}, with real processes.)
 */
@SharedRedis
class TwoPollersTests {

	private final WireMockServer github = new WireMockServer(options().dynamicPort());

	private final TestRedis redis;

	TwoPollersTests(TestRedis redis) {
		this.redis = redis;
	}

	@AfterEach
	void stop() {
		this.github.stop();
	}

	@Test
	void onlyTheLeaderPollsAndTheStandbyTakesOverWhenItStops() {
		this.github.start();
		this.github.stubFor(get(urlEqualTo("/events?per_page=100&page=1")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(Fixtures.bytes(Fixtures.PAGE_2020))));
		this.github.stubFor(get(urlPathEqualTo("/events")).atPriority(10)
			.willReturn(aResponse().withStatus(422).withBody("{\"message\":\"pagination is limited\"}")));
		try (ConfigurableApplicationContext first = start("poller-a")) {
			await().atMost(Duration.ofSeconds(20)).until(() -> requestsBy("poller-a") >= 3);
			try (ConfigurableApplicationContext second = start("poller-b")) {
				await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
				assertThat(requestsBy("poller-b")).as("a standby never polls").isZero();
				first.close();
				Instant stoppedAt = Instant.now();
				await().atMost(Duration.ofSeconds(15)).until(() -> requestsBy("poller-b") > 0);
				assertThat(Duration.between(stoppedAt, Instant.now())).isLessThan(Duration.ofSeconds(5));
				PollerStatusStore statuses = new PollerStatusStore(this.redis.template(), this.redis.keys());
				PollerStatus status = await().atMost(Duration.ofSeconds(10))
					.until(() -> statuses.read().block(Duration.ofSeconds(5)),
							(read) -> "poller-b".equals(read.leader()));
				assertThat(status.leaseHolder()).isEqualTo("poller-b");
				assertThat(status.eventsStored()).as("each event counted once").isEqualTo(30);
				assertThat(status.duplicatesSkipped()).isPositive();
			}
		}
	}

	private ConfigurableApplicationContext start(String instanceId) {
		return new SpringApplicationBuilder(PollerApplication.class).run("--server.port=0",
				"--spring.data.redis.url=" + this.redis.url(), "--gateway.store.namespace=" + this.redis.namespace(),
				"--gateway.store.retention=P7300D", "--gateway.poller.github-api-url=" + this.github.baseUrl(),
				"--gateway.poller.instance-id=" + instanceId, "--gateway.poller.user-agent=" + instanceId,
				"--gateway.poller.max-read-interval=500ms");
	}

	private int requestsBy(String instanceId) {
		return this.github
			.findAll(getRequestedFor(urlEqualTo("/events?per_page=100&page=1")).withHeader("User-Agent",
					equalTo(instanceId)))
			.size();
	}

}
