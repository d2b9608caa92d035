package io.github.eventsgateway.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.eventsgateway.store.testing.SharedRedis;
import io.github.eventsgateway.store.testing.TestRedis;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

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
		this.writer.countStored(List.of(push("1", T0), push("3", T0)))
			.as(StepVerifier::create)
			.expectNext(1)
			.verifyComplete();
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
		lease.acquireOrRenew("a", Duration.ofSeconds(5)).block();
		String leased = storeVersion.read().block();
		lease.acquireOrRenew("a", Duration.ofSeconds(5)).block();
		String renewed = storeVersion.read().block();
		statusStore
			.update("a",
					new PollerStatus("a", null, "POLLING", T0, "200", T0, null, null, null, null, null, null, null,
							null, 1, null, null),
					0)
			.block();
		String reported = storeVersion.read().block();
		lease.release("a").block();
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
	void letsOneInstanceHoldTheLease() {
		PollerLease lease = new PollerLease(this.redis, this.keys);
		lease.acquireOrRenew("a", Duration.ofSeconds(5)).as(StepVerifier::create).expectNext(true).verifyComplete();
		lease.acquireOrRenew("b", Duration.ofSeconds(5)).as(StepVerifier::create).expectNext(false).verifyComplete();
		lease.acquireOrRenew("a", Duration.ofSeconds(5)).as(StepVerifier::create).expectNext(true).verifyComplete();
		lease.release("b").as(StepVerifier::create).expectNext(false).verifyComplete();
		lease.release("a").as(StepVerifier::create).expectNext(true).verifyComplete();
		lease.acquireOrRenew("b", Duration.ofSeconds(5)).as(StepVerifier::create).expectNext(true).verifyComplete();
	}

	@Test
	void keepsTheStatusOfTheLeaderOnly() {
		PollerLease lease = new PollerLease(this.redis, this.keys);
		PollerStatusStore statusStore = new PollerStatusStore(this.redis, this.keys);
		PollerStatus status = new PollerStatus("a", null, "POLLING", T0, "200", T0, null, null, null, 4999L, 5000L,
				T0.plusSeconds(3600), Duration.ofSeconds(60), null, 1, null, null);
		statusStore.update("a", status, 1).as(StepVerifier::create).expectNext(false).verifyComplete();
		lease.acquireOrRenew("a", Duration.ofSeconds(5)).block();
		statusStore.update("a", status, 1).as(StepVerifier::create).expectNext(true).verifyComplete();
		this.writer.ingest(List.of(push("1", T0))).block();
		statusStore.read().as(StepVerifier::create).assertNext((read) -> {
			assertThat(read.leader()).isEqualTo("a");
			assertThat(read.leaseHolder()).isEqualTo("a");
			assertThat(read.rateLimitRemaining()).isEqualTo(4999);
			assertThat(read.pollInterval()).isEqualTo(Duration.ofSeconds(60));
			assertThat(read.suspectedGaps()).isEqualTo(1);
			assertThat(read.eventsStored()).isEqualTo(1);
			assertThat(read.newestEventAt()).isEqualTo(T0);
		}).verifyComplete();
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
