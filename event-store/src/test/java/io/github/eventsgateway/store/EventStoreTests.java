package io.github.eventsgateway.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.eventsgateway.store.testing.SharedRedis;
import io.github.eventsgateway.store.testing.TestRedis;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@SharedRedis
class EventStoreTests {

	private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

	private final ReactiveStringRedisTemplate redis;

	private final EventStoreKeys keys;

	private final EventWriter writer;

	private final EventReader reader;

	EventStoreTests(TestRedis testRedis) {
		testRedis.clear();
		this.redis = testRedis.template();
		this.keys = testRedis.keys();
		this.writer = new EventWriter(this.redis, this.keys, Duration.ofDays(7));
		this.reader = new EventReader(this.redis, this.keys);
	}

	@Test
	void storesEachEventOnceWhateverHowOftenItArrives() {
		List<GitHubEvent> batch = List.of(push("1", T0), push("2", T0.plusSeconds(1)), push("1", T0));
		this.writer.ingest(batch).as(StepVerifier::create).assertNext((result) -> {
			assertThat(result.stored()).isEqualTo(2);
			assertThat(result.duplicates()).isEqualTo(1);
			assertThat(result.storedByType()).containsEntry("PushEvent", 2);
			assertThat(result.newestEventAt()).isEqualTo(T0.plusSeconds(1));
		}).verifyComplete();
		this.writer.ingest(batch).as(StepVerifier::create).assertNext((result) -> {
			assertThat(result.stored()).isZero();
			assertThat(result.duplicates()).isEqualTo(3);
			assertThat(result.overlapsStore()).isTrue();
		}).verifyComplete();
	}

	@Test
	void countsEventsByTypeToTheSecond() {
		this.writer.ingest(List.of(push("1", T0), push("2", T0.plusSeconds(59)),
				event("3", "WatchEvent", T0.plusSeconds(60)), event("4", "WatchEvent", T0.plusSeconds(61))))
			.block();
		this.reader.countByType(T0, T0.plusSeconds(60), List.of())
			.as(StepVerifier::create)
			.expectNext(Map.of("PushEvent", 1L, "WatchEvent", 1L))
			.verifyComplete();
		this.reader.countByType(T0.minusSeconds(1), T0.plusSeconds(61), List.of("WatchEvent", "IssuesEvent"))
			.as(StepVerifier::create)
			.expectNext(Map.of("WatchEvent", 2L, "IssuesEvent", 0L))
			.verifyComplete();
	}

	@Test
	void tellsTheCountsOfTheWindowsOfTheNextSecondsFromOneRead() {
		List<GitHubEvent> events = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			// Spread over 80 seconds around both ends of a 30-second window, some seconds
			// empty, some with several events.
			events.add(event(Integer.toString(i), (i % 3 == 0) ? "WatchEvent" : "PushEvent",
					T0.plusSeconds((i * 7) % 80)));
		}
		this.writer.ingest(events).block();
		Instant from = T0.plusSeconds(5);
		Instant to = from.plusSeconds(30);
		SlidingCounts sliding = this.reader.countByTypeSliding(from, to, List.of(), 9).block().value();
		for (int s = 0; s <= 9; s++) {
			assertThat(sliding.at(to.plusSeconds(s))).as("the window slid by %d s", s)
				.isEqualTo(this.reader.countByType(from.plusSeconds(s), to.plusSeconds(s), List.of()).block());
		}
		assertThatIllegalArgumentException().isThrownBy(() -> sliding.at(to.plusSeconds(10)));
		assertThat(this.reader.countByTypeSliding(from, to, List.of("IssuesEvent"), 9)
			.block()
			.value()
			.at(to.plusSeconds(9))).containsExactly(Map.entry("IssuesEvent", 0L));
	}

	@Test
	void movesATimelineOnByTheBucketsThatFollowIt() {
		this.writer.ingest(List.of(push("1", T0.plusSeconds(30)), event("2", "WatchEvent", T0.plusSeconds(90)),
				event("3", "IssuesEvent", T0.plusSeconds(200)), push("4", T0.plusSeconds(230))))
			.block();
		Duration minute = Duration.ofMinutes(1);
		Timeline first = this.reader.timeline(T0, minute, 3, List.of()).block();
		Timeline next = this.reader.timeline(first.to(), minute, 2, List.of()).block();
		Timeline moved = first.movedOnBy(next);
		Timeline read = this.reader.timeline(T0.plus(minute.multipliedBy(2)), minute, 3, List.of()).block();
		assertThat(moved.from()).isEqualTo(read.from());
		assertThat(moved.counts()).containsOnlyKeys("PushEvent", "IssuesEvent");
		assertThat(moved.counts())
			.allSatisfy((type, counts) -> assertThat(counts).containsExactly(read.counts().get(type)));
		assertThatIllegalArgumentException().isThrownBy(() -> first.movedOnBy(first));
	}

	@Test
	void givesEveryAnswerWithTheVersionItWasReadAt() {
		this.writer.ingest(List.of(push("1", T0), pullRequest("2", "o/r", "opened", T0),
				new GitHubEvent("3", "PublicEvent", 11L, "a/one", "alice", T0, null)))
			.block();
		String version = new StoreVersion(this.redis, this.keys).read().block();
		assertThat(StoreVersion.counter(version)).isEqualTo(1);
		assertThat(this.reader.countByTypeVersioned(T0.minusSeconds(60), T0, List.of()).block().version())
			.isEqualTo(version);
		assertThat(this.reader.timelineVersioned(T0.minusSeconds(60), Duration.ofMinutes(1), 1, List.of())
			.block()
			.version()).isEqualTo(version);
		assertThat(this.reader.pullRequestsOpenedVersioned("o/r").block().version()).isEqualTo(version);
		assertThat(this.reader.madePublicVersioned(10).block().version()).isEqualTo(version);
		assertThat(new PollerStatusStore(this.redis, this.keys).readVersioned().block().version()).isEqualTo(version);
	}

	@Test
	void movesTheVersionOnEveryWriteThatReadersCanSee() {
		StoreVersion storeVersion = new StoreVersion(this.redis, this.keys);
		PollerLease lease = new PollerLease(this.redis, this.keys);
		PollerStatusStore statusStore = new PollerStatusStore(this.redis, this.keys);
		assertThat(storeVersion.read().block()).isEqualTo(StoreVersion.INITIAL);
		this.writer.ingest(List.of(push("1", T0))).block();
		String ingested = storeVersion.read().block();
		this.writer.ingest(List.of(push("1", T0))).block();
		String duplicate = storeVersion.read().block();
		String token = lease.acquireOrRenew("a", Duration.ofSeconds(5)).block();
		String leased = storeVersion.read().block();
		lease.acquireOrRenew("a", Duration.ofSeconds(5)).block();
		String renewed = storeVersion.read().block();
		statusStore.update(token, PollerReport.builder("a").state("POLLING").lastPoll(T0, "200").build()).block();
		String reported = storeVersion.read().block();
		lease.release(token).block();
		String released = storeVersion.read().block();
		// a duplicate moves the duplicatesSkipped counter; a renewal changes no answer
		assertThat(List.of(ingested, duplicate, leased, renewed, reported, released)
			.stream()
			.map(StoreVersion::counter)
			.toList()).containsExactly(1L, 2L, 3L, 3L, 4L, 5L);
		assertThat(renewed).isEqualTo(leased);
	}

	@Test
	void keepsTheLeaseHolderNoLongerThanTheLease() {
		new PollerLease(this.redis, this.keys).acquireOrRenew("a", Duration.ofSeconds(5)).block();
		Versioned<PollerStatus> status = new PollerStatusStore(this.redis, this.keys).readVersioned().block();
		assertThat(status.value().leaseHolder()).isEqualTo("a");
		assertThat(status.validFor()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(5));
		this.redis.delete(this.keys.pollerLease()).block();
		assertThat(new PollerStatusStore(this.redis, this.keys).readVersioned().block().validFor()).isNull();
	}

	@Test
	void averagesTheTimeBetweenPullRequestsOpened() {
		this.writer.ingest(List.of(pullRequest("1", "Owner/Repo", "opened", T0),
				pullRequest("2", "owner/repo", "closed", T0.plusSeconds(50)),
				pullRequest("3", "owner/repo", "opened", T0.plusSeconds(100)),
				pullRequest("4", "owner/repo", "opened", T0.plusSeconds(400))))
			.block();
		this.reader.pullRequestsOpened("OWNER/REPO").as(StepVerifier::create).assertNext((stats) -> {
			assertThat(stats.opened()).isEqualTo(3);
			assertThat(stats.averageIntervalSeconds()).isEqualTo(200.0);
			assertThat(stats.firstOpenedAt()).isEqualTo(T0);
			assertThat(stats.lastOpenedAt()).isEqualTo(T0.plusSeconds(400));
		}).verifyComplete();
		this.reader.pullRequestsOpened("nobody/nothing")
			.as(StepVerifier::create)
			.assertNext((stats) -> assertThat(stats.averageIntervalSeconds()).isNull())
			.verifyComplete();
	}

	@Test
	void listsRepositoriesMadePublicNewestFirst() {
		this.writer.ingest(List.of(new GitHubEvent("1", "PublicEvent", 11L, "a/one", "alice", T0, null),
				new GitHubEvent("2", "PublicEvent", 12L, "b/two", "bob", T0.plusSeconds(5), null)))
			.block();
		this.reader.madePublic(10)
			.as(StepVerifier::create)
			.expectNext(List.of(new MadePublicRepo("b/two", 12L, T0.plusSeconds(5), "bob", "2"),
					new MadePublicRepo("a/one", 11L, T0, "alice", "1")))
			.verifyComplete();
	}

	@Test
	void dropsWhatFallsOutOfTheRetention() {
		EventWriter shortMemory = new EventWriter(this.redis, this.keys, Duration.ofHours(1));
		shortMemory.ingest(List.of(push("1", T0), pullRequest("2", "o/r", "opened", T0))).block();
		shortMemory.ingest(List.of(push("3", T0.plusSeconds(3600)), push("4", T0.minusSeconds(10))))
			.as(StepVerifier::create)
			.assertNext((result) -> {
				assertThat(result.stored()).isEqualTo(1);
				assertThat(result.expired()).isEqualTo(1);
			})
			.verifyComplete();
		this.reader.countByType(T0.minusSeconds(3600), T0.plusSeconds(7200), List.of())
			.as(StepVerifier::create)
			.expectNext(Map.of("PushEvent", 1L, "PullRequestEvent", 0L))
			.verifyComplete();
	}

	@Test
	void countsEventsPerBucket() {
		this.writer.ingest(List.of(push("1", T0.plusSeconds(1)), push("2", T0.plusSeconds(60)),
				push("3", T0.plusSeconds(61)), event("4", "WatchEvent", T0.plusSeconds(170))))
			.block();
		this.reader.timeline(T0, Duration.ofMinutes(1), 3, List.of())
			.as(StepVerifier::create)
			.assertNext((timeline) -> {
				assertThat(timeline.counts()).containsOnlyKeys("PushEvent", "WatchEvent");
				assertThat(timeline.counts().get("PushEvent")).containsExactly(2, 1, 0);
				assertThat(timeline.counts().get("WatchEvent")).containsExactly(0, 0, 1);
			})
			.verifyComplete();
	}

	@Test
	void letsOneInstanceHoldTheLeaseWithAFencingTokenOfANewEpochEachTime() {
		PollerLease lease = new PollerLease(this.redis, this.keys);
		String first = lease.acquireOrRenew("a", Duration.ofSeconds(5)).block();
		assertThat(first).endsWith(":a");
		lease.acquireOrRenew("b", Duration.ofSeconds(5)).as(StepVerifier::create).verifyComplete();
		lease.acquireOrRenew("a", Duration.ofSeconds(5)).as(StepVerifier::create).expectNext(first).verifyComplete();
		lease.holder().as(StepVerifier::create).expectNext("a").verifyComplete();
		lease.release("1:b").as(StepVerifier::create).expectNext(false).verifyComplete();
		lease.release(first).as(StepVerifier::create).expectNext(true).verifyComplete();
		String second = lease.acquireOrRenew("a", Duration.ofSeconds(5)).block();
		assertThat(second).endsWith(":a").isNotEqualTo(first);
	}

	@Test
	void refusesEveryWriteOfADeposedLeader() {
		PollerLease lease = new PollerLease(this.redis, this.keys);
		String deposed = lease.acquireOrRenew("a", Duration.ofSeconds(5)).block();
		lease.release(deposed).block();
		String successor = lease.acquireOrRenew("b", Duration.ofSeconds(5)).block();
		this.writer.ingest(List.of(push("1", T0)), deposed, null)
			.as(StepVerifier::create)
			.verifyError(LeaseLostException.class);
		new PollerStatusStore(this.redis, this.keys).update(deposed, PollerReport.builder("a").state("POLLING").build())
			.as(StepVerifier::create)
			.expectNext(false)
			.verifyComplete();
		this.writer.ingest(List.of(push("1", T0)), successor, null)
			.as(StepVerifier::create)
			.assertNext((result) -> assertThat(result.stored()).isOne())
			.verifyComplete();
		this.reader.countByType(T0.minusSeconds(1), T0, List.of("PushEvent"))
			.as(StepVerifier::create)
			.expectNext(Map.of("PushEvent", 1L))
			.verifyComplete();
	}

	@Test
	void keepsTheStatusOfTheLeaderOnly() {
		PollerLease lease = new PollerLease(this.redis, this.keys);
		PollerStatusStore statusStore = new PollerStatusStore(this.redis, this.keys);
		PollerReport report = PollerReport.builder("a")
			.state("POLLING")
			.lastPoll(T0, "200")
			.lastSuccessAt(T0)
			.pollInterval(Duration.ofSeconds(60))
			.credentials(List.of(
					new CredentialState("token 1 of 2", "personal", 4999L, 5000L, T0.plusSeconds(3600), 12, null, null),
					new CredentialState("token 2 of 2", "personal", 10L, 5000L, T0.plusSeconds(60), 3, null, null)))
			.streams(List.of(new StreamState("p2-3", List.of(2, 3), List.of("WatchEvent"), 50.0, 3.5, 1)))
			.deliveryDelay(Duration.ofSeconds(4), Duration.ofSeconds(9))
			.suspectedGaps(1)
			.eventsDropped(2)
			.build();
		statusStore.update("7:a", report).as(StepVerifier::create).expectNext(false).verifyComplete();
		String token = lease.acquireOrRenew("a", Duration.ofSeconds(5)).block();
		statusStore.update(token, report).as(StepVerifier::create).expectNext(true).verifyComplete();
		this.writer.ingest(List.of(push("1", T0))).block();
		statusStore.read().as(StepVerifier::create).assertNext((read) -> {
			assertThat(read.leader()).isEqualTo("a");
			assertThat(read.leaseHolder()).isEqualTo("a");
			assertThat(read.rateLimitRemaining()).isEqualTo(5009);
			assertThat(read.rateLimitLimit()).isEqualTo(10000);
			assertThat(read.rateLimitResetAt()).isEqualTo(T0.plusSeconds(60));
			assertThat(read.tokens()).isEqualTo(2);
			assertThat(read.streams()).singleElement()
				.satisfies((stream) -> assertThat(stream.pages()).containsExactly(2, 3));
			assertThat(read.deliveryDelayP99()).isEqualTo(Duration.ofSeconds(9));
			assertThat(read.pollInterval()).isEqualTo(Duration.ofSeconds(60));
			assertThat(read.suspectedGaps()).isEqualTo(1);
			assertThat(read.eventsDropped()).isEqualTo(2);
			assertThat(read.eventsStored()).isEqualTo(1);
			assertThat(read.newestEventAt()).isEqualTo(T0);
		}).verifyComplete();
	}

	@Test
	void sumsWhatWasCapturedOfEachStreamOverAWindowToTheMinute() {
		Instant minute = Instant.parse("2026-11-23T10:00:00Z");
		this.writer.ingest(List.of(push("1", T0), push("2", T0)), "", new CaptureRecord("p1", minute, 150, 1, 1))
			.block();
		this.writer
			.ingest(List.of(push("3", T0), push("2", T0)), "",
					new CaptureRecord("p1", minute.plusSeconds(70), 90, 1, 2))
			.block();
		this.writer
			.ingest(List.of(event("4", "WatchEvent", T0)), "",
					new CaptureRecord("p2-3", minute.plusSeconds(130), 0, 0, 1))
			.block();
		this.reader.capture(minute.plusSeconds(60), minute.plusSeconds(179))
			.as(StepVerifier::create)
			.assertNext((read) -> assertThat(read.value()).containsExactly(new StreamCapture("p1", 1, 90, 1, 2),
					new StreamCapture("p2-3", 1, 0, 0, 1)))
			.verifyComplete();
		this.reader.capture(minute, minute.plusSeconds(59))
			.as(StepVerifier::create)
			.assertNext((read) -> assertThat(read.value()).singleElement().satisfies((p1) -> {
				assertThat(p1.captured()).isEqualTo(2);
				assertThat(p1.share()).isEqualTo(2 / 152.0);
			}))
			.verifyComplete();
	}

	private static GitHubEvent push(String id, Instant createdAt) {
		return event(id, "PushEvent", createdAt);
	}

	private static GitHubEvent event(String id, String type, Instant createdAt) {
		return new GitHubEvent(id, type, 1L, "o/r", "someone", createdAt, null);
	}

	private static GitHubEvent pullRequest(String id, String repo, String action, Instant createdAt) {
		return new GitHubEvent(id, "PullRequestEvent", 1L, repo, "someone", createdAt, action);
	}

}
