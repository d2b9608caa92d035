package io.github.eventsgateway.poller.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.eventsgateway.poller.github.GitHubClient;
import io.github.eventsgateway.poller.github.GitHubToken;
import io.github.eventsgateway.poller.metrics.PollerMetrics;
import io.github.eventsgateway.poller.testing.Fixtures;
import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.EventWriter;
import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.PollerLease;
import io.github.eventsgateway.store.PollerStatus;
import io.github.eventsgateway.store.PollerStatusStore;
import io.github.eventsgateway.store.testing.RedisServerProcess;
import io.github.eventsgateway.store.testing.RedisTemplates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One poll against a WireMock GitHub serving real recorded pages, into a real Redis.
 */
class PollCycleTests {

	/** The fixtures span 2012 to 2020: a retention that keeps them all. */
	private static final Duration RETENTION = Duration.ofDays(20 * 365);

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static final GitHubToken TOKEN = GitHubToken.of(List.of("ghp_secretTokenValue123")).get(0);

	private static RedisServerProcess redisServer;

	private static LettuceConnectionFactory connectionFactory;

	private static ReactiveStringRedisTemplate redis;

	private final EventStoreKeys keys = EventStoreKeys.defaults();

	private final EventWriter writer = new EventWriter(redis, this.keys, RETENTION);

	private final PollerStatusStore statusStore = new PollerStatusStore(redis, this.keys);

	private WireMockServer github;

	private PollCycle cycle;

	@BeforeAll
	static void startRedis() {
		redisServer = RedisServerProcess.start();
		connectionFactory = RedisTemplates.connectionFactory(redisServer);
		redis = RedisTemplates.template(connectionFactory);
	}

	@AfterAll
	static void stopRedis() {
		connectionFactory.destroy();
		redisServer.close();
	}

	@BeforeEach
	void start() {
		redis.execute((connection) -> connection.serverCommands().flushAll()).blockLast();
		this.github = new WireMockServer(options().dynamicPort());
		this.github.start();
		this.cycle = cycle(Duration.ofSeconds(10));
	}

	private PollCycle cycle(Duration requestTimeout) {
		return new PollCycle(new GitHubClient("events-gateway-test", requestTimeout, Clock.systemUTC()), this.writer,
				this.statusStore, new PollerMetrics(new SimpleMeterRegistry(), Clock.systemUTC()),
				this.github.baseUrl(), 3);
	}

	@AfterEach
	void stop() {
		this.github.stop();
	}

	@Test
	void sendsGitHubsHeadersAndTheTokenAsBearer() {
		stubPage(1, Fixtures.PAGE_2020, null, "\"etag-1\"");
		PollResult result = poll();
		assertThat(result.kind()).as(result.error()).isEqualTo(PollResult.Kind.SUCCESS);
		this.github.verify(getRequestedFor(urlEqualTo("/events?per_page=100"))
			.withHeader("User-Agent", equalTo("events-gateway-test"))
			.withHeader("Accept", equalTo("application/vnd.github+json"))
			.withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
			.withHeader("Authorization", equalTo("Bearer ghp_secretTokenValue123"))
			.withHeader("If-None-Match", absent()));
	}

	@Test
	void followsLinkNextUpToTheConfiguredPagesAndNeverFurther() {
		stubPage(1, Fixtures.PAGE_2020, 2, null);
		stubPage(2, Fixtures.PAGE_2013, 3, null);
		stubPage(3, Fixtures.PAGE_2012, 4, null);
		stubPage(4, Fixtures.PAGE_2012, null, null);
		PollResult result = poll();
		assertThat(result.pages()).isEqualTo(3);
		assertThat(result.requestsCharged()).isEqualTo(3);
		assertThat(result.ingest().stored()).isEqualTo(90);
		assertThat(result.suspectedGap()).as("an empty store has nothing to miss").isFalse();
		this.github.verify(0, getRequestedFor(urlEqualTo("/events?per_page=100&page=4")));
	}

	@Test
	void stopsAtTheLastPageWhenThereIsNoNextLink() {
		stubPage(1, Fixtures.PAGE_2020, 2, null);
		stubPage(2, Fixtures.PAGE_2013, null, null);
		PollResult result = poll();
		assertThat(result.pages()).isEqualTo(2);
		this.github.verify(0, getRequestedFor(urlEqualTo("/events?per_page=100&page=3")));
	}

	@Test
	void sendsTheEtagAndTakesA304AsNothingNewWithoutFetchingDeeperPages() {
		stubPage(1, Fixtures.PAGE_2020, 2, "W/\"page-1\"");
		stubPage(2, Fixtures.PAGE_2013, null, "W/\"page-2\"");
		assertThat(poll().pages()).isEqualTo(2);
		this.github.stubFor(get(urlEqualTo("/events?per_page=100")).withHeader("If-None-Match", equalTo("W/\"page-1\""))
			.willReturn(aResponse().withStatus(304).withHeader("X-Poll-Interval", "60")));
		PollResult second = poll();
		assertThat(second.kind()).isEqualTo(PollResult.Kind.NOT_MODIFIED);
		assertThat(second.outcome()).isEqualTo("304");
		assertThat(second.requestsCharged()).as("a 304 costs no budget").isZero();
		assertThat(second.pollInterval()).isEqualTo(Duration.ofSeconds(60));
		this.github.verify(1, getRequestedFor(urlEqualTo("/events?per_page=100&page=2")));
	}

	@Test
	void stopsAtThePageThatReachesBackToStoredEvents() {
		List<GitHubEvent> page1 = Fixtures.events(Fixtures.PAGE_2020);
		this.writer.ingest(page1.subList(20, 30)).block();
		stubPage(1, Fixtures.PAGE_2020, 2, null);
		stubPage(2, Fixtures.PAGE_2013, null, null);
		PollResult result = poll();
		assertThat(result.pages()).isEqualTo(1);
		assertThat(result.ingest().stored()).isEqualTo(20);
		assertThat(result.ingest().duplicates()).isEqualTo(10);
		assertThat(result.suspectedGap()).isFalse();
		this.github.verify(0, getRequestedFor(urlEqualTo("/events?per_page=100&page=2")));
	}

	@Test
	void countsASuspectedGapWhenNoPageReachesBackToStoredEvents() {
		claimLease();
		this.writer.ingest(Fixtures.events(Fixtures.PAGE_2012).subList(0, 1)).block();
		stubPage(1, Fixtures.PAGE_2020, 2, null);
		stubPage(2, Fixtures.PAGE_2013, null, null);
		PollResult result = poll();
		assertThat(result.pages()).isEqualTo(2);
		assertThat(result.suspectedGap()).isTrue();
		new StatusReporter(this.statusStore, "poller-1")
			.report(result, new PollPlanner.Decision(PollPlanner.State.POLLING, Duration.ofSeconds(60), null), 1, NOW)
			.block();
		PollerStatus status = this.statusStore.read().block();
		assertThat(status.suspectedGaps()).isEqualTo(1);
		assertThat(status.eventsStored()).isEqualTo(61);
		assertThat(status.leader()).isEqualTo("poller-1");
		assertThat(status.lastPollOutcome()).isEqualTo("200");
	}

	@Test
	void readsAnExhaustedBudgetAsARateLimitUntilTheReset() {
		long reset = NOW.getEpochSecond() + 600;
		this.github.stubFor(get(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(403)
			.withHeader("x-ratelimit-limit", "5000")
			.withHeader("x-ratelimit-remaining", "0")
			.withHeader("x-ratelimit-reset", Long.toString(reset))
			.withBody("{\"message\":\"API rate limit exceeded\"}")));
		PollResult result = poll();
		assertThat(result.kind()).isEqualTo(PollResult.Kind.RATE_LIMITED);
		assertThat(result.outcome()).isEqualTo("403");
		assertThat(result.rateLimit().resetAt()).isEqualTo(Instant.ofEpochSecond(reset));
		assertThat(result.rateLimit().remaining()).isZero();
	}

	@Test
	void readsRetryAfter() {
		this.github.stubFor(get(urlPathEqualTo("/events"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30").withBody("{}")));
		PollResult result = poll();
		assertThat(result.kind()).isEqualTo(PollResult.Kind.RATE_LIMITED);
		assertThat(result.outcome()).isEqualTo("429");
		assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void readsA403WithBudgetLeftAsASecondaryLimit() {
		this.github.stubFor(get(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(403)
			.withHeader("x-ratelimit-remaining", "4000")
			.withHeader("x-ratelimit-reset", Long.toString(NOW.getEpochSecond() + 600))
			.withBody("{\"message\":\"You have exceeded a secondary rate limit\"}")));
		PollResult result = poll();
		assertThat(result.kind()).isEqualTo(PollResult.Kind.SECONDARY_LIMIT);
		assertThat(result.outcome()).isEqualTo("403");
	}

	@Test
	void reportsARefusedTokenWithoutItsValue() {
		this.github.stubFor(get(urlPathEqualTo("/events"))
			.willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Bad credentials\"}")));
		PollResult result = poll();
		assertThat(result.kind()).isEqualTo(PollResult.Kind.UNAUTHORIZED);
		assertThat(result.error()).isEqualTo("GitHub refused token 1 of 1 (401)").doesNotContain("ghp_");
	}

	@Test
	void backsOffRatherThanDropsWhenAnonymousRequestsAreRefused() {
		this.github.stubFor(get(urlPathEqualTo("/events"))
			.willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Requires authentication\"}")));
		PollResult result = this.cycle.poll(GitHubToken.ANONYMOUS, NOW).block(Duration.ofSeconds(10));
		assertThat(result.kind()).isEqualTo(PollResult.Kind.FAILED);
		assertThat(result.error()).isEqualTo("GitHub requires a token (401); set GITHUB_TOKENS");
	}

	@Test
	void survivesServerErrorsGarbageTimeoutsAndResets() {
		this.github.stubFor(get(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(502).withBody("<html>")));
		assertThat(poll()).satisfies((result) -> {
			assertThat(result.kind()).isEqualTo(PollResult.Kind.FAILED);
			assertThat(result.outcome()).isEqualTo("5xx");
		});
		this.github.stubFor(get(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"not\": \"an array\"")));
		assertThat(poll()).satisfies((result) -> {
			assertThat(result.outcome()).isEqualTo("error");
			assertThat(result.error()).startsWith("Malformed JSON from GitHub");
		});
		this.github.stubFor(get(urlPathEqualTo("/events")).willReturn(aResponse().withFixedDelay(3000).withBody("[]")));
		assertThat(cycle(Duration.ofMillis(500)).poll(TOKEN, NOW).block(Duration.ofSeconds(10))).satisfies((result) -> {
			assertThat(result.outcome()).isEqualTo("error");
			assertThat(result.error()).contains("GitHub did not answer in time");
		});
		this.github
			.stubFor(get(urlPathEqualTo("/events")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThat(poll()).satisfies((result) -> {
			assertThat(result.outcome()).isEqualTo("error");
			assertThat(result.error()).startsWith("Request to GitHub failed").doesNotContain("ghp_");
		});
		stubPage(1, Fixtures.PAGE_2020, null, null);
		assertThat(poll().ingest().stored()).isEqualTo(30);
	}

	private PollResult poll() {
		return this.cycle.poll(TOKEN, NOW).block(Duration.ofSeconds(10));
	}

	private void claimLease() {
		new PollerLease(redis, this.keys).acquireOrRenew("poller-1", Duration.ofMinutes(1)).block();
	}

	private void stubPage(int page, String fixture, Integer nextPage, String etag) {
		String path = (page == 1) ? "/events?per_page=100" : "/events?per_page=100&page=" + page;
		var response = aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json; charset=utf-8")
			.withHeader("X-Poll-Interval", "60")
			.withHeader("x-ratelimit-limit", "5000")
			.withHeader("x-ratelimit-remaining", "4990")
			.withHeader("x-ratelimit-reset", Long.toString(NOW.getEpochSecond() + 3600))
			.withBody(Fixtures.bytes(fixture));
		if (nextPage != null) {
			String base = this.github.baseUrl() + "/events?per_page=100&page=";
			response.withHeader("Link", "<" + base + nextPage + ">; rel=\"next\", <" + base + "10>; rel=\"last\"");
		}
		if (etag != null) {
			response.withHeader("ETag", etag);
		}
		this.github.stubFor(get(urlEqualTo(path)).willReturn(response));
	}

}
