package io.github.eventsgateway.api.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.eventsgateway.api.timeline.GhArchiveEvents;
import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.testing.SharedRedis;
import io.github.eventsgateway.store.testing.TestRedis;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@SharedRedis
class DashboardEndpointsTests {

	private static final Instant NOW = Instant.parse("2025-01-01T15:00:45Z");

	private static boolean stored;

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

	@BeforeEach
	void storeTheFixtureEventsOnce() {
		if (!stored) {
			store.clear();
			GhArchiveEvents.store(this.template, UnaryOperator.identity());
			PollerStatusFixture.reportHealthyPoller(this.template, NOW.minusSeconds(20));
			stored = true;
		}
	}

	@Test
	void servesTheDashboardPageWithEverythingItLoadsFromThisServer() {
		String page = this.client.get()
			.uri("/dashboard")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(page).contains("<canvas id=\"timeline-chart\"", "/api/v1/events/timeline.svg");
		Matcher loaded = Pattern.compile("<(?:script|link)[^>]*?(?:src|href)=\"([^\"]+)\"").matcher(page);
		int resources = 0;
		while (loaded.find()) {
			assertThat(loaded.group(1)).as("what the page loads comes from this server (no internet needed)")
				.matches("/.*|data:.*");
			resources++;
		}
		assertThat(resources).as("icon, style sheet, Chart.js and the dashboard script").isEqualTo(4);
	}

	@Test
	void servesChartJsFromItsWebjarAndTheDashboardScripts() {
		for (String path : new String[] { "/webjars/chart.js/dist/chart.umd.min.js", "/dashboard/dashboard.js",
				"/dashboard/dashboard.css" }) {
			this.client.get().uri(path).exchange().expectStatus().isOk();
		}
	}

	@Test
	void streamsSummariesAsServerSentEvents() {
		var events = this.client.get()
			.uri("/api/v1/events/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.expectHeader()
			.valueEquals("X-Accel-Buffering", "no")
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody();

		StepVerifier.create(events.take(2)).assertNext((event) -> {
			assertThat(event.event()).isEqualTo("summary");
			assertThat(event.data()).containsEntry("at", "2025-01-01T15:00:45Z")
				.containsKeys("timeline", "poller", "madePublic");
			assertThat(event.data().get("timeline"))
				.asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
				.containsEntry("total", 2048)
				.containsEntry("offsetMinutes", 60);
			assertThat(event.data().get("poller"))
				.asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
				.containsEntry("leader", PollerStatusFixture.INSTANCE)
				.containsEntry("stale", false);
		}).assertNext((event) -> assertThat(event.event()).isEqualTo("summary")).verifyComplete();
	}

	@Test
	void countsTheStreamClientsInPrometheus() {
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((metrics) -> assertThat(metrics).contains("gateway_dashboard_stream_clients "));
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
