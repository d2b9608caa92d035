package io.github.eventsgateway.firehose;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.testing.GitHubJson;
import io.github.eventsgateway.store.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class SplitFeedTests {

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
	void showsThePushStreamOnPageOneAndEveryOtherTypeOnPagesTwoAndThree() {
		start(split());
		this.clock.advance(Duration.ofSeconds(30));
		List<GitHubEvent> first = this.client.page(1, TOKEN);
		List<GitHubEvent> second = this.client.page(2, TOKEN);
		List<GitHubEvent> third = this.client.page(3, TOKEN);
		assertThat(first).hasSize(100)
			.extracting(GitHubEvent::type)
			.allSatisfy((type) -> assertThat(type).isIn("PushEvent", "CreateEvent", "DeleteEvent"))
			.contains("PushEvent", "CreateEvent");
		assertThat(second).hasSize(100);
		assertThat(third).hasSize(100);
		List<GitHubEvent> others = new ArrayList<>(second);
		others.addAll(third);
		assertThat(others).extracting(GitHubEvent::type)
			.doesNotContain("PushEvent", "CreateEvent", "DeleteEvent")
			.contains("PullRequestEvent", "WatchEvent", "IssueCommentEvent");
		assertThat(others).extracting(GitHubEvent::id).doesNotHaveDuplicates();
		HttpResponse<String> fourth = this.client.get("/events?per_page=100&page=4", TOKEN);
		assertThat(fourth.statusCode()).isEqualTo(422);
		assertThat(fourth.body()).contains("pagination is limited");
		assertThat(this.client.get("/events?per_page=100", TOKEN).headers().firstValue("Link").orElseThrow())
			.contains("page=2>; rel=\"next\"")
			.contains("page=3>; rel=\"last\"");
	}

	@Test
	void pagesThreeHundredPositionsWithSmallerPagesToo() {
		start(split());
		this.clock.advance(Duration.ofSeconds(30));
		List<GitHubEvent> pushTail = this.client.page(1, TOKEN).subList(90, 100);
		HttpResponse<String> straddling = this.client.get("/events?per_page=30&page=4", TOKEN);
		assertThat(straddling.statusCode()).isEqualTo(200);
		List<GitHubEvent> events = GitHubJson.readArray(straddling.body().getBytes(StandardCharsets.UTF_8));
		assertThat(events).hasSize(30);
		assertThat(events.subList(0, 10)).extracting(GitHubEvent::id)
			.containsExactlyElementsOf(pushTail.stream().map(GitHubEvent::id).toList());
		assertThat(events.subList(10, 30)).extracting(GitHubEvent::type).doesNotContain("PushEvent");
		assertThat(this.client.get("/events?per_page=30&page=11", TOKEN).statusCode()).isEqualTo(422);
	}

	@Test
	void givesEachPageItsOwnEtagAndAnswersAnUnchangedPageWithAFree304() {
		start(split().pushRate(200)
			.otherRate(0)
			.visibilityDelays(Duration.ZERO, Duration.ZERO)
			.lateEvents(0, Duration.ZERO));
		this.clock.advance(Duration.ofSeconds(10));
		HttpResponse<String> first = this.client.get("/events?per_page=100&page=1", TOKEN);
		HttpResponse<String> second = this.client.get("/events?per_page=100&page=2", TOKEN);
		String firstTag = first.headers().firstValue("ETag").orElseThrow();
		String secondTag = second.headers().firstValue("ETag").orElseThrow();
		assertThat(firstTag).startsWith("W/\"").isNotEqualTo(secondTag);
		assertThat(second.headers().firstValue("x-ratelimit-remaining")).hasValue("99998");
		this.clock.advance(Duration.ofMillis(50));
		// page 1 moved on (10 new pushes), page 2 (no other events) did not
		HttpResponse<String> firstAgain = this.client.get("/events?per_page=100&page=1", TOKEN, firstTag);
		HttpResponse<String> secondAgain = this.client.get("/events?per_page=100&page=2", TOKEN, secondTag);
		assertThat(firstAgain.statusCode()).isEqualTo(200);
		assertThat(firstAgain.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(firstTag);
		assertThat(secondAgain.statusCode()).isEqualTo(304);
		assertThat(secondAgain.headers().firstValue("x-ratelimit-remaining")).hasValue("99997");
	}

	@Test
	void turnsEachStreamOverAtItsOwnRate() {
		start(split().visibilityDelays(Duration.ZERO, Duration.ZERO).lateEvents(0, Duration.ZERO));
		this.clock.advance(Duration.ofSeconds(10));
		Set<String> page1 = ids(this.client.page(1, TOKEN));
		Set<String> page2 = ids(this.client.page(2, TOKEN));
		this.clock.advance(Duration.ofMillis(500));
		// 200 events/s: 100 new pushes in half a second replace page 1
		assertThat(ids(this.client.page(1, TOKEN))).doesNotContainAnyElementsOf(page1);
		this.clock.advance(Duration.ofMillis(500));
		// 50 events/s: a second brings 50 new others, page 2 keeps half of itself
		Set<String> page2Later = ids(this.client.page(2, TOKEN));
		page2Later.retainAll(page2);
		assertThat(page2Later).hasSize(50);
		assertThat(this.firehose.ledger(FeedStream.PUSH).generatedCount()).isEqualTo(2201);
		assertThat(this.firehose.ledger(FeedStream.OTHER).generatedCount()).isEqualTo(551);
		this.firehose.eventsPerSecond(FeedStream.OTHER, 100);
		this.clock.advance(Duration.ofSeconds(1));
		// the next event was due 20 ms after the last, then every 10 ms
		assertThat(this.firehose.ledger(FeedStream.OTHER).generatedCount()).isEqualTo(650);
		assertThat(this.firehose.eventsPerSecond(FeedStream.OTHER)).isEqualTo(100);
	}

	@Test
	void delaysEachEventWithJitterSoCreatedAtIsNotMonotonic() {
		start(split().lateEvents(0, Duration.ZERO));
		this.clock.advance(Duration.ofSeconds(60));
		List<GitHubEvent> events = this.client.page(2, TOKEN);
		int inversions = 0;
		for (int i = 1; i < events.size(); i++) {
			if (events.get(i).createdAt().isAfter(events.get(i - 1).createdAt())) {
				inversions++;
			}
		}
		assertThat(inversions).isGreaterThan(10);
		// nothing shows before its created_at, nothing waits more than the longest delay
		List<StreamLedger.Entry> entries = this.firehose.ledger(FeedStream.OTHER).entries();
		assertThat(entries).hasSizeGreaterThan(2500).allSatisfy((entry) -> {
			Duration delay = Duration.between(entry.createdAt(), entry.visibleAt());
			assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(10));
		});
		assertThat(entries).anySatisfy((entry) -> assertThat(Duration.between(entry.createdAt(), entry.visibleAt()))
			.isGreaterThan(Duration.ofSeconds(8)));
		// the newest event shown is at most 10 s old and there is none newer waiting
		// beyond its delay
		assertThat(events.get(0).createdAt()).isAfter(START.plusSeconds(50));
	}

	@Test
	void letsLateEventsSurfaceBelowTheTopOfTheirStream() {
		FirehoseSettings settings = split().lateEvents(0.2, Duration.ofSeconds(40)).surfaceDepth(20).build();
		EventFeed feed = EventFeed.split(settings);
		feed.startGenerating();
		Set<Long> seen = new HashSet<>();
		List<Integer> latePositions = new ArrayList<>();
		for (int tick = 0; tick < 3000; tick++) {
			// 20 ms: about one other event a tick
			this.clock.advance(Duration.ofMillis(20));
			List<FeedEvent> others = feed.newest(100, 200);
			for (int position = 0; position < others.size(); position++) {
				FeedEvent event = others.get(position);
				if (seen.add(event.id()) && tick > 0 && event.late()) {
					latePositions.add(position);
				}
			}
		}
		assertThat(latePositions).hasSizeGreaterThan(300);
		// surfaced at most 20 below the top (plus the event or two shown after it in the
		// same tick)
		assertThat(latePositions).allSatisfy((position) -> assertThat(position).isLessThanOrEqualTo(23));
		assertThat(latePositions.stream().filter((position) -> position == 0).count())
			.isLessThan(latePositions.size() / 5);
		assertThat(latePositions.stream().filter((position) -> position >= 10).count())
			.isGreaterThan(latePositions.size() / 3);
		StreamLedger ledger = feed.ledger(FeedStream.OTHER);
		long late = ledger.entries()
			.stream()
			.filter((entry) -> Duration.between(entry.createdAt(), entry.visibleAt())
				.compareTo(Duration.ofSeconds(10)) > 0)
			.count();
		assertThat((double) late / ledger.visibleCount()).isBetween(0.08, 0.25);
	}

	@Test
	void interleavesTwoIdFamiliesSoIdsAreNotMonotonic() {
		start(split());
		this.clock.advance(Duration.ofSeconds(30));
		List<Long> ids = new ArrayList<>();
		for (int page = 1; page <= 3; page++) {
			this.client.page(page, TOKEN).forEach((event) -> ids.add(Long.parseLong(event.id())));
		}
		assertThat(ids).anySatisfy((id) -> assertThat(id).isBetween(45_000_000_000L, 46_000_000_000L))
			.anySatisfy((id) -> assertThat(id).isBetween(8_100_000_000_000L, 8_101_000_000_000L))
			.doesNotHaveDuplicates();
		List<Long> firstPage = ids.subList(0, 100);
		assertThat(firstPage).isNotEqualTo(firstPage.stream().sorted((a, b) -> Long.compare(b, a)).toList());
		assertThat(this.client.get("/events?per_page=1", TOKEN).body()).matches("\\[\\{\"id\":\"[0-9]+\",.*");
	}

	@Test
	void startsPausedAndStopsGeneratingWithAllStreams() {
		this.firehose = Firehose.startPaused(split().clock(this.clock).build());
		this.client = new StandInClient(this.firehose);
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(this.firehose.generatedCount()).isZero();
		this.firehose.startGenerating();
		this.clock.advance(Duration.ofSeconds(1));
		this.firehose.stopGenerating();
		int generated = this.firehose.generatedCount();
		assertThat(generated).isEqualTo(201 + 51);
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(this.firehose.generatedCount()).isEqualTo(generated);
		// every event generated showed in the end, late ones included
		assertThat(this.firehose.ledger(FeedStream.PUSH).visibleCount()
				+ this.firehose.ledger(FeedStream.OTHER).visibleCount())
			.isEqualTo(generated);
	}

	private static Set<String> ids(List<GitHubEvent> events) {
		Set<String> ids = new HashSet<>();
		events.forEach((event) -> ids.add(event.id()));
		return ids;
	}

	private FirehoseSettings.Builder split() {
		return FirehoseSettings.builder()
			.feed(FeedMode.SPLIT)
			.clock(this.clock)
			.tokens(List.of("one"))
			.tokenLimit(100_000);
	}

	private void start(FirehoseSettings.Builder settings) {
		this.firehose = Firehose.start(settings.clock(this.clock).build());
		this.client = new StandInClient(this.firehose);
	}

}
