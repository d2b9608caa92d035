package io.github.eventsgateway.poller.fileimport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.github.eventsgateway.poller.fileimport.ReplayLoop.Played;
import io.github.eventsgateway.poller.metrics.PollerMetrics;
import io.github.eventsgateway.poller.testing.Fixtures;
import io.github.eventsgateway.poller.testing.HeldLease;
import io.github.eventsgateway.store.EventReader;
import io.github.eventsgateway.store.EventWriter;
import io.github.eventsgateway.store.PollerLease;
import io.github.eventsgateway.store.PollerStatus;
import io.github.eventsgateway.store.PollerStatusStore;
import io.github.eventsgateway.store.StreamCapture;
import io.github.eventsgateway.store.testing.SharedRedis;
import io.github.eventsgateway.store.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real GH Archive fixture played as a live feed into a real Redis: what a
 * {@code ./run-local.sh --sample} shows at start, an hour later and after a restart.
 */
@SharedRedis
class ReplayLoopTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");

	private final TestRedis redis;

	private final ReplayFeed feed;

	ReplayLoopTests(TestRedis redis) {
		redis.clear();
		this.redis = redis;
		this.feed = replay(HeldLease.holding("unused")).load(Fixtures.path(Fixtures.GH_ARCHIVE_2025)).block();
	}

	@Test
	void fillsTheLastHourAtStartSoThatEveryWindowOfTheDashboardHoldsEvents() {
		Played played = replay(leader()).play(this.feed, NOW).block();
		assertThat(played.stored()).isEqualTo(6 * 2048);
		assertThat(total(NOW.minus(Duration.ofMinutes(10)), NOW)).isBetween(2000L, 2100L);
		// A window's ends cut a second of the feed: at most a few events either way.
		assertThat(total(NOW.minus(Duration.ofHours(1)), NOW)).isBetween(6 * 2048L - 10, 6 * 2048L);
	}

	@Test
	void recordsTheCaptureOfAWindowAsCompleteAndInTheMinutesItsEventsLandIn() {
		replay(leader()).play(this.feed, NOW).block();
		List<StreamCapture> capture = new EventReader(this.redis.template(), this.redis.keys())
			.capture(NOW.minus(Duration.ofMinutes(10)), NOW)
			.block()
			.value();
		assertThat(capture).singleElement().satisfies((stream) -> {
			assertThat(stream.stream()).isEqualTo("replay");
			assertThat(stream.captured()).isBetween(2000L, 2100L);
			assertThat(stream.missed()).isZero();
		});
	}

	@Test
	void stillHoldsTheWholeFileInTheLastTenMinutesHoursAfterItStarted() {
		ReplayLoop replay = replay(leader());
		replay.play(this.feed, NOW).block();
		Played nextSecond = replay.play(this.feed, NOW.plusSeconds(1)).block();
		assertThat(nextSecond.stored()).isBetween(0L, 10L);
		Instant later = NOW.plus(Duration.ofHours(2)).plusSeconds(17);
		replay.play(this.feed, later).block();
		assertThat(total(later.minus(Duration.ofMinutes(10)), later)).isBetween(2000L, 2100L);
		assertThat(counts(later.minus(Duration.ofMinutes(10)), later)).hasEntrySatisfying("PushEvent",
				(count) -> assertThat(count).isBetween(1450L, 1470L));
	}

	@Test
	void aRestartedReplayFindsWhatItStoredBeforeAsDuplicates() {
		String token = leader().fencingToken(NOW);
		replay(HeldLease.holding(token)).play(this.feed, NOW).block();
		Played again = replay(HeldLease.holding(token)).play(this.feed, NOW.plusSeconds(30)).block();
		assertThat(again.duplicates()).isEqualTo(6 * 2048 - again.stored());
		assertThat(again.stored()).isBetween(90L, 115L);
	}

	@Test
	void reportsAReplayInTheStatusAsTheLeaderWithASuccessAtEachTick() {
		replay(leader()).play(this.feed, NOW).block();
		PollerStatus status = new PollerStatusStore(this.redis.template(), this.redis.keys()).read().block();
		assertThat(status.state()).isEqualTo("REPLAYING");
		assertThat(status.leader()).isEqualTo("replayer");
		assertThat(status.leaseHolder()).isEqualTo("replayer");
		assertThat(status.source()).startsWith("file:").endsWith(Fixtures.GH_ARCHIVE_2025);
		assertThat(status.lastSuccessAt()).isEqualTo(NOW);
		assertThat(status.eventsStored()).isEqualTo(6 * 2048);
		assertThat(status.streams()).singleElement().satisfies((stream) -> {
			assertThat(stream.id()).isEqualTo("replay");
			assertThat(stream.eventsPerSecond()).isEqualTo(3.41);
			assertThat(stream.types()).startsWith("PushEvent");
		});
	}

	@Test
	void playsNothingWhileAnotherInstanceHoldsTheLease() {
		String deposed = lease().acquireOrRenew("replayer", Duration.ofMinutes(1)).block();
		lease().release(deposed).block();
		lease().acquireOrRenew("other", Duration.ofMinutes(1)).block();
		HeldLease believer = HeldLease.holding(deposed);
		assertThat(replay(believer).play(this.feed, NOW).blockOptional()).isEmpty();
		assertThat(believer.wasLost()).isTrue();
		assertThat(total(NOW.minus(Duration.ofHours(1)), NOW)).isZero();
		assertThat(replay(believer).play(this.feed, NOW.plusSeconds(1)).blockOptional()).isEmpty();
	}

	private HeldLease leader() {
		return HeldLease.holding(lease().acquireOrRenew("replayer", Duration.ofMinutes(1)).block());
	}

	private PollerLease lease() {
		return new PollerLease(this.redis.template(), this.redis.keys());
	}

	private ReplayLoop replay(HeldLease leadership) {
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		return new ReplayLoop(new EventWriter(this.redis.template(), this.redis.keys(), Duration.ofDays(1)),
				new PollerStatusStore(this.redis.template(), this.redis.keys()), leadership,
				new PollerMetrics(new SimpleMeterRegistry(), clock), "replayer", 1000, clock, Schedulers.parallel());
	}

	private Map<String, Long> counts(Instant from, Instant to) {
		return new EventReader(this.redis.template(), this.redis.keys()).countByType(from, to, List.of()).block();
	}

	private long total(Instant from, Instant to) {
		return counts(from, to).values().stream().mapToLong(Long::longValue).sum();
	}

}
