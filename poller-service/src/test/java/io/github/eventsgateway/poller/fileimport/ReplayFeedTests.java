package io.github.eventsgateway.poller.fileimport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.github.eventsgateway.poller.testing.Fixtures;
import io.github.eventsgateway.store.GitHubEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The real GH Archive fixture (2,048 events over 39 seconds) played as an endless feed.
 */
class ReplayFeedTests {

	private static final Duration ROUND = Duration.ofMinutes(10);

	private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");

	private final List<GitHubEvent> file = EventFile.events(Fixtures.path(Fixtures.GH_ARCHIVE_2025), new AtomicLong())
		.collectList()
		.block();

	private final ReplayFeed feed = ReplayFeed.of("sample.ndjson.gz", this.file, ROUND);

	@Test
	void everyWindowOfARoundsLengthHoldsTheWholeFileOnce() {
		for (Instant from : List.of(NOW, NOW.plusSeconds(7), NOW.plusMillis(123_456), NOW.plus(Duration.ofDays(400)))) {
			List<GitHubEvent> window = this.feed.between(from, from.plus(ROUND));
			assertThat(window).hasSize(2048);
			assertThat(window).extracting(GitHubEvent::type).filteredOn("PushEvent"::equals).hasSize(1463);
		}
	}

	@Test
	void renewsTheIdsOfEachRoundSoThatEachRoundIsNewToTheStore() {
		List<GitHubEvent> hour = this.feed.between(NOW.minus(Duration.ofHours(1)), NOW);
		Set<String> ids = new HashSet<>();
		hour.forEach((event) -> ids.add(event.id()));
		assertThat(hour).hasSize(6 * 2048);
		assertThat(ids).hasSize(6 * 2048);
		assertThat(ids).allMatch((id) -> id.matches("[0-9]+"));
	}

	@Test
	void landsEachEventWhereverTheReplayStartsSoARestartFindsTheSameEvents() {
		Instant later = NOW.plusMillis(61_500);
		List<GitHubEvent> atOnce = this.feed.between(NOW, NOW.plus(Duration.ofMinutes(3)));
		List<GitHubEvent> bySeconds = new ArrayList<>();
		for (Instant from = NOW; from.isBefore(NOW.plus(Duration.ofMinutes(3))); from = from.plusSeconds(1)) {
			bySeconds.addAll(this.feed.between(from, from.plusSeconds(1)));
		}
		assertThat(bySeconds).isEqualTo(atOnce);
		List<GitHubEvent> reversed = new ArrayList<>(this.file);
		Collections.reverse(reversed);
		ReplayFeed restarted = ReplayFeed.of("sample.ndjson.gz", reversed, ROUND);
		assertThat(restarted.between(later, later.plusSeconds(30)))
			.isEqualTo(this.feed.between(later, later.plusSeconds(30)));
	}

	@Test
	void spreadsEachSecondOfTheFileOverItsShareOfTheRoundInTheFilesOrder() {
		Instant roundStart = Instant.parse("2026-11-23T10:10:00Z");
		List<GitHubEvent> round = this.feed.between(roundStart.minusMillis(1), roundStart.plus(ROUND).minusMillis(1));
		assertThat(round).extracting(GitHubEvent::createdAt).isSorted();
		// 39 seconds of file over 600 s: each second of the file fills about 15 s, and no
		// second of the round stays empty for long.
		assertThat(round.get(0).createdAt()).isEqualTo(roundStart);
		assertThat(round.get(round.size() - 1).createdAt()).isBetween(roundStart.plusSeconds(580),
				roundStart.plusSeconds(599));
		Set<Instant> seconds = new HashSet<>();
		round.forEach((event) -> seconds.add(event.createdAt()));
		assertThat(seconds.size()).isGreaterThan(500);
	}

	@Test
	void bringsTheFileOncePerRoundInEventsPerSecondAndNamesItsMostFrequentTypes() {
		assertThat(this.feed.eventsPerSecond()).isCloseTo(3.41, offset(0.01));
		assertThat(this.feed.types(3)).containsExactly("PushEvent", "CreateEvent", "PullRequestEvent");
	}

	@Test
	void anEmptyFileIsAFeedThatBringsNothing() {
		ReplayFeed empty = ReplayFeed.of("empty.ndjson", List.of(), ROUND);
		assertThat(empty.between(NOW.minus(Duration.ofHours(1)), NOW)).isEmpty();
		assertThat(empty.eventsPerSecond()).isZero();
	}

}
