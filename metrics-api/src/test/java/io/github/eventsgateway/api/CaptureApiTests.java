package io.github.eventsgateway.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.eventsgateway.api.hot.KeptAnswers;
import io.github.eventsgateway.store.CaptureRecord;
import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.PollerReport;
import io.github.eventsgateway.store.StreamState;
import io.github.eventsgateway.store.testing.TestRedis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every count says how complete its window is: per stream of the feed, what the poller
 * stored and estimates it missed, and whether late events may still arrive.
 */
@ApiOnFixtureClock
class CaptureApiTests {

	/**
	 * Five minutes ago the poller read pages 2-3 (three new events, none missed) and page
	 * 1 (two new events, six estimated missed); GitHub delivers 99 % of events within ten
	 * minutes.
	 */
	@BeforeAll
	static void pollerCapturedBothStreams(TestRedis redis) {
		try (TestEventStore store = TestEventStore.ofSharedContexts(redis)) {
			store.clear();
			store
				.reportStatus("poller-1", PollerReport.builder("poller-1")
					.state("POLLING")
					.streams(List.of(new StreamState("p2-3", List.of(2, 3), List.of("PullRequestEvent", "WatchEvent"),
							40.0, 1.2, 1), new StreamState("p1", List.of(1), List.of("PushEvent"), 190.0, 2.5, 2)))
					.deliveryDelay(Duration.ofSeconds(4), Duration.ofMinutes(10))
					.build());
			Instant readAt = FixtureClock.NOW.minusSeconds(300);
			store.ingestRead("poller-1",
					List.of(event("1", "PullRequestEvent"), event("2", "WatchEvent"), event("3", "WatchEvent")),
					new CaptureRecord("p2-3", readAt, 0, 0, 2));
			store.ingestRead("poller-1", List.of(event("4", "PushEvent"), event("5", "PushEvent")),
					new CaptureRecord("p1", readAt, 6, 1, 1));
		}
	}

	@Autowired
	private WebTestClient client;

	@BeforeEach
	void apiSeesTheStore(@Autowired ApplicationContext context) {
		KeptAnswers.awaitCurrentVersion(context);
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
