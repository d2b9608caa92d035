package io.github.eventsgateway.poller.github;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.eventsgateway.poller.github.PageAnswer.Outcome;
import io.github.eventsgateway.poller.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed client against a WireMock GitHub serving real recorded pages and GitHub's
 * refusals.
 */
class GitHubTemplateTests {

	private static final String TOKEN = "Bearer ghp_secretTokenValue123";

	private final WireMockServer github = new WireMockServer(options().dynamicPort());

	private final WireMockServer elsewhere = new WireMockServer(options().dynamicPort());

	private GitHubTemplate client;

	@BeforeEach
	void start() {
		this.github.start();
		this.elsewhere.start();
		// A first request of the JVM may be slow on a busy machine: generous.
		this.client = client(Duration.ofSeconds(20));
	}

	@AfterEach
	void stop() {
		this.github.stop();
		this.elsewhere.stop();
	}

	private GitHubTemplate client(Duration timeout) {
		return new GitHubTemplate(WebClient.builder(), apiUrl(), "events-gateway-test", timeout, Clock.systemUTC());
	}

	@Test
	void asksForAPageByNumberWithGitHubsHeadersAndReadsItsEvents() {
		stub(1, page(Fixtures.PAGE_2020).withHeader("ETag", "W/\"e1\"")
			.withHeader("X-Poll-Interval", "60")
			.withHeader("Link", "<" + apiUrl() + "/events?per_page=100&page=2>; rel=\"next\", <" + apiUrl()
					+ "/events?per_page=100&page=3>; rel=\"last\""));
		this.client.events(1, TOKEN, null).as(StepVerifier::create).assertNext((answer) -> {
			assertThat(answer.outcome()).isEqualTo(Outcome.EVENTS);
			assertThat(answer.events()).hasSize(30);
			assertThat(answer.etag()).isEqualTo("W/\"e1\"");
			assertThat(answer.pollInterval()).isEqualTo(Duration.ofSeconds(60));
			assertThat(answer.rateLimit()).isEqualTo(new RateLimit(5000, 4990, Instant.ofEpochSecond(1800000000)));
			assertThat(answer.lastPage()).isEqualTo(3);
			assertThat(answer.refusedLink()).isNull();
			assertThat(answer.isCharged()).isTrue();
			assertThat(answer.readAt()).isBetween(answer.sentAt(), answer.answeredAt());
		}).verifyComplete();
		this.github.verify(getRequestedFor(urlEqualTo("/events?per_page=100&page=1"))
			.withHeader("User-Agent", equalTo("events-gateway-test"))
			.withHeader("Accept", equalTo("application/vnd.github+json"))
			.withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
			.withHeader("Authorization", equalTo(TOKEN))
			.withHeader("If-None-Match", absent()));
	}

	@Test
	void sendsTheEtagAndTakesA304AsFree() {
		stub(2, aResponse().withStatus(304).withHeader("ETag", "W/\"e2\""));
		this.client.events(2, null, "W/\"e2\"").as(StepVerifier::create).assertNext((answer) -> {
			assertThat(answer.outcome()).isEqualTo(Outcome.NOT_MODIFIED);
			assertThat(answer.isCharged()).isFalse();
			assertThat(answer.isAnswered()).isTrue();
		}).verifyComplete();
		this.github.verify(getRequestedFor(urlEqualTo("/events?per_page=100&page=2"))
			.withHeader("If-None-Match", equalTo("W/\"e2\""))
			.withHeader("Authorization", absent()));
	}

	@Test
	void namesEachKindOfRefusal() {
		expect(aResponse().withStatus(403)
			.withHeader("x-ratelimit-remaining", "0")
			.withHeader("x-ratelimit-reset", "1800000000")
			.withBody("{\"message\":\"API rate limit exceeded\"}"), Outcome.PRIMARY_LIMIT);
		expect(aResponse().withStatus(403)
			.withHeader("x-ratelimit-remaining", "4000")
			.withHeader("x-ratelimit-reset", "1800000000")
			.withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}"), Outcome.SECONDARY_LIMIT);
		expect(aResponse().withStatus(403).withHeader("retry-after", "30"), Outcome.SECONDARY_LIMIT);
		expect(aResponse().withStatus(429), Outcome.SECONDARY_LIMIT);
		expect(aResponse().withStatus(403).withBody("{\"message\":\"Forbidden\"}"), Outcome.REFUSED);
		expect(aResponse().withStatus(401).withBody("{\"message\":\"Bad credentials\"}"), Outcome.UNAUTHORIZED);
		expect(aResponse().withStatus(422).withBody("{\"message\":\"pagination is limited\"}"), Outcome.NO_SUCH_PAGE);
		expect(aResponse().withStatus(502), Outcome.SERVER_ERROR);
		expect(aResponse().withStatus(200).withBody("[{\"id\":\"1\",\"type\":"), Outcome.FAILED);
		expect(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), Outcome.FAILED);
	}

	@Test
	void givesUpOnAnAnswerThatTakesTooLong() {
		stub(1, page(Fixtures.PAGE_2020).withFixedDelay(2000));
		client(Duration.ofMillis(300)).events(1, TOKEN, null).as(StepVerifier::create).assertNext((answer) -> {
			assertThat(answer.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(answer.problem()).doesNotContain("ghp_").doesNotContain("http");
		}).verifyComplete();
	}

	@Test
	void neverFollowsALinkToAnotherOriginAndReportsIt() {
		String foreign = "http://127.0.0.1:" + this.elsewhere.port();
		stub(1, page(Fixtures.PAGE_2020).withHeader("Link",
				"<" + foreign + "/steal?page=2>; rel=\"next\", <" + foreign + "/steal?page=3>; rel=\"last\""));
		this.elsewhere.stubFor(get(anyUrl()).willReturn(page(Fixtures.PAGE_2013)));
		this.client.events(1, TOKEN, null).as(StepVerifier::create).assertNext((answer) -> {
			assertThat(answer.outcome()).isEqualTo(Outcome.EVENTS);
			assertThat(answer.refusedLink()).isEqualTo(foreign);
			assertThat(answer.lastPage()).isNull();
		}).verifyComplete();
		this.client.events(2, TOKEN, null).block(Duration.ofSeconds(5));
		this.elsewhere.verify(0, anyRequestedFor(anyUrl()));
		this.github.verify(getRequestedFor(urlEqualTo("/events?per_page=100&page=2")));
	}

	@Test
	void createsAnInstallationTokenWithTheAppsJwt() {
		this.github
			.stubFor(post(urlEqualTo("/app/installations/42/access_tokens")).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"token\":\"ghs_installation\",\"expires_at\":\"2030-01-01T00:00:00Z\"}")));
		this.client.createInstallationToken("42", "the.jwt.value")
			.as(StepVerifier::create)
			.expectNext(new InstallationToken("ghs_installation", Instant.parse("2030-01-01T00:00:00Z")))
			.verifyComplete();
		this.github.verify(postRequestedFor(urlEqualTo("/app/installations/42/access_tokens"))
			.withHeader("Authorization", equalTo("Bearer the.jwt.value")));
	}

	@Test
	void saysWhyGitHubRefusedAnInstallationTokenWithoutTheJwt() {
		this.github.stubFor(post(urlEqualTo("/app/installations/42/access_tokens")).willReturn(
				aResponse().withStatus(401).withBody("{\"message\":\"A JSON web token could not be decoded\"}")));
		this.client.createInstallationToken("42", "the.jwt.value")
			.as(StepVerifier::create)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(GitHubAppException.class)
				.hasMessageContaining("401")
				.hasMessageContaining("could not be decoded")
				.message()
				.doesNotContain("the.jwt.value"))
			.verify();
	}

	private String apiUrl() {
		return "http://127.0.0.1:" + this.github.port();
	}

	private void expect(ResponseDefinitionBuilder response, Outcome outcome) {
		this.github.resetAll();
		stub(1, response);
		this.client.events(1, TOKEN, null)
			.as(StepVerifier::create)
			.assertNext((answer) -> assertThat(answer.outcome()).as(answer.toString()).isEqualTo(outcome))
			.verifyComplete();
	}

	private void stub(int page, ResponseDefinitionBuilder response) {
		this.github.stubFor(get(urlEqualTo("/events?per_page=100&page=" + page)).willReturn(response));
	}

	private static ResponseDefinitionBuilder page(String fixture) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-ratelimit-limit", "5000")
			.withHeader("x-ratelimit-remaining", "4990")
			.withHeader("x-ratelimit-reset", "1800000000")
			.withBody(Fixtures.bytes(fixture));
	}

}
