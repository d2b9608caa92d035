package io.github.eventsgateway.firehose;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;

import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class LedgerTests {

	private static final Instant START = Instant.parse("2026-11-23T10:15:00Z");

	private static final String TOKEN = "token one";

	private final MutableClock clock = new MutableClock(START);

	private Firehose firehose;

	private StandInClient client;

	@AfterEach
	void stop() {
		if (this.firehose != null) {
			this.firehose.close();
		}
	}

	@Test
	void knowsAnEventThatScrolledOffUnseenWasVisibleButNotServed() {
		start(split());
		this.clock.advance(Duration.ofSeconds(1));
		List<GitHubEvent> seen = this.client.page(1, TOKEN);
		this.client.awaitRequests(1);
		this.clock.advance(Duration.ofSeconds(2));
		this.client.page(1, TOKEN);
		this.client.awaitRequests(2);
		StreamLedger push = this.firehose.ledger(FeedStream.PUSH);
		// 601 events in 3 s at 200/s, 200 of them read on two page 1s
		assertThat(push.visibleCount()).isEqualTo(601);
		assertThat(push.servedCount()).isEqualTo(200);
		assertThat(push.unservedIds().size()).isEqualTo(401);
		IdSet served = push.servedIds();
		assertThat(seen).allSatisfy((event) -> assertThat(served.contains(Long.parseLong(event.id()))).isTrue());
		// shown between the two reads, gone by the second: never served
		StreamLedger.Entry scrolledOff = push.entries().get(300);
		assertThat(scrolledOff.served()).isFalse();
		assertThat(push.visibleIds().contains(scrolledOff.id())).isTrue();
		assertThat(push.unservedIds().contains(scrolledOff.id())).isTrue();
		assertThat(push.entry(scrolledOff.id())).hasValue(scrolledOff);
		assertThat(scrolledOff.type()).isIn("PushEvent", "CreateEvent", "DeleteEvent");
		assertThat(scrolledOff.visibleAt()).isEqualTo(scrolledOff.createdAt());
		// nothing of the other stream was read
		StreamLedger other = this.firehose.ledger(FeedStream.OTHER);
		assertThat(other.visibleCount()).isEqualTo(151);
		assertThat(other.servedCount()).isZero();
		assertThat(this.firehose.servedIds()).hasSize(200);
	}

	@Test
	void countsVisibleAndServedEventsPerMinute() {
		start(split());
		this.clock.advance(Duration.ofSeconds(90));
		this.client.page(2, TOKEN);
		this.client.awaitRequests(1);
		SortedMap<Instant, StreamLedger.MinuteCount> minutes = this.firehose.ledger(FeedStream.OTHER)
			.perMinuteOfVisibility();
		assertThat(minutes).containsOnlyKeys(START, START.plusSeconds(60));
		assertThat(minutes.get(START)).isEqualTo(new StreamLedger.MinuteCount(3000, 0));
		assertThat(minutes.get(START.plusSeconds(60))).isEqualTo(new StreamLedger.MinuteCount(1501, 100));
		assertThat(this.firehose.ledger(FeedStream.OTHER).perMinuteOfCreation()).isEqualTo(minutes);
	}

	@Test
	void keepsTheClassicFeedsLedgerAsOneStream() {
		this.firehose = Firehose.start(FirehoseSettings.builder()
			.clock(this.clock)
			.tokens(List.of("one"))
			.eventsPerSecond(10)
			.visibilityDelay(Duration.ofSeconds(5))
			.build());
		this.client = new StandInClient(this.firehose);
		this.clock.advance(Duration.ofSeconds(10));
		this.client.get("/events?per_page=3", TOKEN);
		this.client.awaitRequests(1);
		assertThat(this.firehose.streams()).containsExactly(FeedStream.ALL);
		StreamLedger all = this.firehose.ledger(FeedStream.ALL);
		assertThat(all.generatedCount()).isEqualTo(101);
		assertThat(all.visibleCount()).isEqualTo(51);
		assertThat(all.servedCount()).isEqualTo(3);
		assertThat(all.entries())
			.allSatisfy((entry) -> assertThat(entry.visibleAt()).isEqualTo(entry.createdAt().plusSeconds(5)));
	}

	@Test
	void servesTheLedgerOverHttp() {
		start(split());
		this.clock.advance(Duration.ofSeconds(2));
		this.client.page(1, TOKEN);
		this.client.page(3, TOKEN);
		this.client.get("/events", "token nobody");
		this.client.awaitRequests(3);
		JsonNode summary = StandInClient.json(this.client.get("/_ledger", null).body());
		assertThat(summary.path("feed").asString()).isEqualTo("split");
		assertThat(summary.path("streams").path("push").path("visible").asInt()).isEqualTo(401);
		assertThat(summary.path("streams").path("push").path("served").asInt()).isEqualTo(100);
		assertThat(summary.path("streams").path("push").path("events_per_second").asDouble()).isEqualTo(200);
		// page 3 holds the one event of the other stream that page 2 has no room for
		assertThat(summary.path("streams").path("other").path("visible").asInt()).isEqualTo(101);
		assertThat(summary.path("streams").path("other").path("served").asInt()).isEqualTo(1);
		assertThat(summary.path("secondary_limit").path("provoked").asInt()).isZero();
		assertThat(summary.path("secondary_limit").path("per_window").asInt()).isEqualTo(900);
		assertThat(summary.path("credentials").path("token-1").path("requests").asInt()).isEqualTo(2);
		assertThat(summary.path("credentials").path("token-1").path("max_requests_in_secondary_window").asInt())
			.isEqualTo(2);
		assertThat(summary.path("requests").valueStream().map(JsonNode::toString).toList()).contains(
				"{\"path\":\"/events\",\"credential\":\"token-1\",\"page\":1,\"status\":200,\"count\":1}",
				"{\"path\":\"/events\",\"credential\":\"token-1\",\"page\":3,\"status\":200,\"count\":1}",
				"{\"path\":\"/events\",\"credential\":\"unknown\",\"page\":1,\"status\":401,\"count\":1}");
		HttpResponse<String> served = this.client.get("/_ledger/ids?stream=push&what=served", null);
		assertThat(served.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		long[] servedIds = Arrays.stream(served.body().split("\n")).mapToLong(Long::parseLong).toArray();
		assertThat(IdSet.of(servedIds)).isEqualTo(this.firehose.ledger(FeedStream.PUSH).servedIds());
		assertThat(this.client.get("/_ledger/ids?stream=other&what=visible", null).body().split("\n")).hasSize(101);
		assertThat(this.client.get("/_ledger/ids?stream=other&what=served", null).body().split("\n")).hasSize(1);
		assertThat(this.client.get("/_ledger/minutes?stream=push", null).body())
			.isEqualTo("minute,visible,served\n" + START + ",401,100\n");
		assertThat(this.client.get("/_ledger/ids?stream=sideways", null).statusCode()).isEqualTo(400);
		// the ledger's own requests are not GitHub's: not logged
		assertThat(this.firehose.requests()).hasSize(3);
	}

	@Test
	void changesAStreamsRateOverHttp() {
		start(split());
		HttpResponse<String> changed = this.client.post("/_control/rate?stream=other&events_per_second=120", null);
		assertThat(changed.statusCode()).isEqualTo(204);
		assertThat(this.firehose.eventsPerSecond(FeedStream.OTHER)).isEqualTo(120);
		assertThat(this.client.post("/_control/rate?stream=all&events_per_second=1", null).statusCode()).isEqualTo(400);
		assertThat(this.client.post("/_control/rate?stream=push&events_per_second=-1", null).statusCode())
			.isEqualTo(400);
	}

	private FirehoseSettings.Builder split() {
		return FirehoseSettings.builder()
			.feed(FeedMode.SPLIT)
			.tokens(List.of("one"))
			.visibilityDelays(Duration.ZERO, Duration.ZERO)
			.lateEvents(0, Duration.ZERO);
	}

	private void start(FirehoseSettings.Builder settings) {
		this.firehose = Firehose.start(settings.clock(this.clock).build());
		this.client = new StandInClient(this.firehose);
	}

}
