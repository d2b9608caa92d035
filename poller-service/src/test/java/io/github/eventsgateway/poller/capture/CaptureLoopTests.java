package io.github.eventsgateway.poller.capture;

import java.io.IOException;
import java.io.StringWriter;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.eventsgateway.poller.credentials.AppInstallation;
import io.github.eventsgateway.poller.credentials.Credential;
import io.github.eventsgateway.poller.credentials.PersonalToken;
import io.github.eventsgateway.poller.github.GitHubOperations;
import io.github.eventsgateway.poller.github.GitHubTemplate;
import io.github.eventsgateway.poller.metrics.PollerMetrics;
import io.github.eventsgateway.poller.pacing.Backoff;
import io.github.eventsgateway.poller.pacing.PaceSettings;
import io.github.eventsgateway.poller.pacing.PacingMode;
import io.github.eventsgateway.poller.pacing.RequestBudget;
import io.github.eventsgateway.poller.testing.Fixtures;
import io.github.eventsgateway.poller.testing.HeldLease;
import io.github.eventsgateway.store.EventWriter;
import io.github.eventsgateway.store.PollerLease;
import io.github.eventsgateway.store.PollerStatus;
import io.github.eventsgateway.store.PollerStatusStore;
import io.github.eventsgateway.store.testing.SharedRedis;
import io.github.eventsgateway.store.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The capture loop with its real parts against a WireMock GitHub and a real Redis: what
 * it refuses to do (follow a foreign link, write after losing the lease) and what it does
 * with an App installation.
 */
@SharedRedis
class CaptureLoopTests {

	private final WireMockServer github = new WireMockServer(options().dynamicPort());

	private final WireMockServer elsewhere = new WireMockServer(options().dynamicPort());

	private final TestRedis redis;

	private final Clock clock = Clock.systemUTC();

	private Disposable running;

	CaptureLoopTests(TestRedis redis) {
		this.redis = redis;
		redis.clear();
	}

	@BeforeEach
	void start() {
		this.github.start();
		this.elsewhere.start();
	}

	@AfterEach
	void stop() {
		if (this.running != null) {
			this.running.dispose();
		}
		this.github.stop();
		this.elsewhere.stop();
	}

	@Test
	void neverSendsATokenToAHostALinkHeaderNamesAndSaysSo() {
		String foreign = "http://127.0.0.1:" + this.elsewhere.port();
		this.github.stubFor(get(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("Link",
					"<" + foreign + "/steal?page=2>; rel=\"next\", <" + foreign + "@" + foreign
							+ "/?page=3>; rel=\"last\"")
			.withBody(Fixtures.bytes(Fixtures.PAGE_2020))));
		this.elsewhere.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[]")));
		HeldLease leader = HeldLease.holding(lease().acquireOrRenew("poller-a", Duration.ofMinutes(1)).block());
		this.running = loop(PersonalToken.of(List.of("ghp_secret")), leader).run().subscribe();
		PollerStatus status = await().atMost(Duration.ofSeconds(20))
			.until(this::status, (read) -> read.lastError() != null);
		assertThat(status.lastError()).contains(foreign).contains("not followed").doesNotContain("ghp_secret");
		await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
		this.elsewhere.verify(0, anyRequestedFor(anyUrl()));
		this.github.verify(getRequestedFor(urlEqualTo("/events?per_page=100&page=1")).withHeader("Authorization",
				equalTo("Bearer ghp_secret")));
	}

	@Test
	void aDeposedLeaderStopsBeforeItsNextRequestAndWritesNothing() {
		this.github.stubFor(get(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(Fixtures.splitFeedPage(true, 0))));
		String deposed = lease().acquireOrRenew("poller-a", Duration.ofMinutes(1)).block();
		lease().release(deposed).block();
		lease().acquireOrRenew("poller-b", Duration.ofMinutes(1)).block();
		// poller-a still believes it leads: it was paused while its lease moved on.
		HeldLease leader = HeldLease.holding(deposed);
		this.running = loop(List.of(), leader).run().subscribe();
		await().atMost(Duration.ofSeconds(20)).until(() -> leader.wasLost());
		await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
		this.github.verify(1, getRequestedFor(urlPathEqualTo("/events")));
		assertThat(status().eventsStored()).isNull();
	}

	@Test
	void namesRedisRefusalWhileItIsOutOfMemoryAndTheOutageOnceItCanWriteAgain() {
		this.github.stubFor(get(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(Fixtures.splitFeedPage(true, 0))));
		HeldLease leader = HeldLease.holding(lease().acquireOrRenew("poller-a", Duration.ofMinutes(1)).block());
		String maxmemory = config("maxmemory");
		try {
			setConfig("maxmemory", "1");
			this.running = loop(List.of(), leader).run().subscribe();
			await().atMost(Duration.ofSeconds(20)).until(() -> this.github.getAllServeEvents().size() >= 2);
		}
		finally {
			setConfig("maxmemory", maxmemory);
		}
		PollerStatus status = await().atMost(Duration.ofSeconds(20))
			.until(this::status, (read) -> read.lastError() != null);
		assertThat(status.lastError()).startsWith("Redis was unavailable from ")
			.contains("Redis: OOM command not allowed when used memory > 'maxmemory'");
	}

	@Test
	void pollsWithAGitHubAppInstallationToken() {
		this.github.stubFor(post(urlEqualTo("/app/installations/678/access_tokens")).willReturn(aResponse()
			.withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"token\":\"ghs_installation\",\"expires_at\":\"" + Instant.now().plusSeconds(3600) + "\"}")));
		this.github
			.stubFor(get(urlPathEqualTo("/events")).withHeader("Authorization", equalTo("Bearer ghs_installation"))
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withHeader("x-ratelimit-limit", "15000")
					.withHeader("x-ratelimit-remaining", "14999")
					.withHeader("x-ratelimit-reset", Long.toString(Instant.now().plusSeconds(3600).getEpochSecond()))
					.withBody(Fixtures.splitFeedPage(false, 0))));
		GitHubOperations operations = github();
		Credential app = AppInstallation.of("12345", "678", privateKey(), operations, this.clock);
		HeldLease leader = HeldLease.holding(lease().acquireOrRenew("poller-a", Duration.ofMinutes(1)).block());
		this.running = loop(List.of(app), leader).run().subscribe();
		PollerStatus status = await().atMost(Duration.ofSeconds(20))
			// The events are counted by the ingest, the credentials by the report after
			// it.
			.until(this::status, (read) -> read.eventsStored() != null && read.eventsStored() >= 100
					&& read.credentials().stream().anyMatch((credential) -> credential.limit() != null));
		assertThat(status.credentials()).singleElement().satisfies((credential) -> {
			assertThat(credential.label()).isEqualTo("app 12345 installation 678");
			assertThat(credential.kind()).isEqualTo("app");
			assertThat(credential.limit()).isEqualTo(15000);
		});
	}

	private CaptureLoop loop(List<Credential> credentials, Leadership leadership) {
		RequestBudget budget = new RequestBudget(credentials,
				new PaceSettings(PacingMode.BUDGET, 600, 4, 3, Duration.ofSeconds(60), Duration.ofSeconds(60)),
				new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), () -> 0.5));
		FeedLayout layout = new FeedLayout(3);
		DeliveryDelays delays = new DeliveryDelays();
		CaptureScheduler scheduler = new CaptureScheduler(layout, budget, Duration.ofMillis(100),
				Duration.ofMillis(500));
		EventWriter writer = new EventWriter(this.redis.template(), this.redis.keys(), Duration.ofDays(7300));
		Sweeper sweeper = new Sweeper(github(), budget, writer, leadership, layout, delays, this.clock);
		StatusReporter status = new StatusReporter(new PollerStatusStore(this.redis.template(), this.redis.keys()),
				"poller-a", PacingMode.BUDGET);
		return new CaptureLoop(leadership, scheduler, sweeper, budget, layout, delays, status,
				new PollerMetrics(new SimpleMeterRegistry(), this.clock), Schedulers.parallel(), this.clock,
				Duration.ofMillis(200));
	}

	private GitHubOperations github() {
		return new GitHubTemplate(WebClient.builder(), "http://127.0.0.1:" + this.github.port(), "capture-test",
				Duration.ofSeconds(10), this.clock);
	}

	private PollerLease lease() {
		return new PollerLease(this.redis.template(), this.redis.keys());
	}

	private String config(String parameter) {
		return this.redis.template()
			.execute((connection) -> connection.serverCommands().getConfig(parameter))
			.map((config) -> config.getProperty(parameter))
			.blockFirst(Duration.ofSeconds(5));
	}

	private void setConfig(String parameter, String value) {
		this.redis.template()
			.execute((connection) -> connection.serverCommands().setConfig(parameter, value))
			.blockFirst(Duration.ofSeconds(5));
	}

	private PollerStatus status() {
		return new PollerStatusStore(this.redis.template(), this.redis.keys()).read().block(Duration.ofSeconds(5));
	}

	private static String privateKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			StringWriter pem = new StringWriter();
			try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
				writer.writeObject(new PemObject("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded()));
			}
			return pem.toString();
		}
		catch (NoSuchAlgorithmException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
