package io.github.eventsgateway.api.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import io.github.eventsgateway.api.capture.CaptureAnswers;
import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.api.madepublic.MadePublicAnswers;
import io.github.eventsgateway.api.status.PollerStatusAnswers;
import io.github.eventsgateway.api.timeline.GhArchiveEvents;
import io.github.eventsgateway.api.timeline.TimelineService;
import io.github.eventsgateway.store.EventReader;
import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.PollerStatusStore;
import io.github.eventsgateway.store.testing.RedisServerProcess;
import io.github.eventsgateway.store.testing.RedisTemplates;
import io.github.eventsgateway.store.testing.SharedRedis;
import io.github.eventsgateway.store.testing.TestRedis;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SharedRedis
class DashboardSummariesTests {

	/** Just after the fixture's newest event (15:00:38Z). */
	private static final Instant NOW = Instant.parse("2025-01-01T15:00:45Z");

	private static final Duration INTERVAL = Duration.ofSeconds(1);

	private final ReactiveStringRedisTemplate template;

	private final EventStoreKeys keys;

	DashboardSummariesTests(TestRedis testRedis) {
		testRedis.clear();
		this.template = testRedis.template();
		this.keys = testRedis.keys();
	}

	@Test
	void sendsASummaryAtOnceThenOneEveryInterval() {
		GhArchiveEvents.store(this.template, this.keys, UnaryOperator.identity());
		PollerStatusFixture.reportHealthyPoller(this.template, this.keys, NOW.minusSeconds(20));
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

		StepVerifier.withVirtualTime(() -> summaries(clock, INTERVAL).events().take(3)).assertNext((event) -> {
			assertThat(event.event()).isEqualTo(DashboardSummaries.SUMMARY);
			assertThat(event.id()).isEqualTo("0");
			DashboardSummary summary = (DashboardSummary) event.data();
			assertThat(summary.at()).isEqualTo(NOW);
			assertThat(summary.timeline().total()).isEqualTo(2048);
			assertThat(summary.timeline().buckets()).hasSize(60);
			assertThat(summary.timeline().to()).isEqualTo("2025-01-01T15:01:00Z");
			assertThat(summary.madePublic()).hasSize(10);
			assertThat(summary.poller().leader()).isEqualTo(PollerStatusFixture.INSTANCE);
			assertThat(summary.poller().leaseHolder()).isEqualTo(PollerStatusFixture.INSTANCE);
			assertThat(summary.poller().rateLimit().remaining()).isEqualTo(4712);
			assertThat(summary.poller().suspectedGaps()).isEqualTo(2);
			assertThat(summary.poller().lagSeconds()).isEqualTo(7);
			assertThat(summary.poller().stale()).isFalse();
		})
			.expectNoEvent(INTERVAL.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((event) -> assertThat(event.id()).isEqualTo("1"))
			.thenAwait(INTERVAL)
			.assertNext((event) -> assertThat(event.id()).isEqualTo("2"))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void readsRedisOnceATickForAllClientsAndStopsWhenTheLastOneLeaves() {
		AtomicInteger ticksRead = new AtomicInteger();
		Clock countingClock = new Clock() {

			@Override
			public Instant instant() {
				ticksRead.incrementAndGet();
				return NOW;
			}

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

		};
		VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
		try {
			DashboardSummaries summaries = summaries(countingClock, INTERVAL);
			List<String> first = new CopyOnWriteArrayList<>();
			List<String> second = new CopyOnWriteArrayList<>();
			Disposable firstClient = summaries.events().subscribe((event) -> first.add(event.id()));
			Disposable secondClient = summaries.events().subscribe((event) -> second.add(event.id()));
			await().atMost(Duration.ofSeconds(5)).until(() -> first.size() == 1 && second.size() == 1);
			time.advanceTimeBy(INTERVAL);
			await().atMost(Duration.ofSeconds(5)).until(() -> first.size() == 2 && second.size() == 2);
			time.advanceTimeBy(INTERVAL);
			await().atMost(Duration.ofSeconds(5)).until(() -> first.size() == 3 && second.size() == 3);

			assertThat(first).containsExactly("0", "1", "2").isEqualTo(second);
			assertThat(ticksRead).hasValue(3);
			assertThat(summaries.clients()).isEqualTo(2);

			firstClient.dispose();
			time.advanceTimeBy(INTERVAL);
			await().atMost(Duration.ofSeconds(5)).until(() -> second.size() == 4);
			assertThat(first).hasSize(3);
			assertThat(summaries.clients()).isEqualTo(1);
			secondClient.dispose();
			time.advanceTimeBy(INTERVAL.multipliedBy(10));

			assertThat(ticksRead).hasValue(4);
			assertThat(summaries.clients()).isZero();
		}
		finally {
			VirtualTimeScheduler.reset();
		}
	}

	@Test
	void endsEveryStreamWhenTheApplicationStopsSoThatShutdownNeedNotWait() {
		DashboardSummaries summaries = summaries(Clock.fixed(NOW, ZoneOffset.UTC), INTERVAL);
		summaries.start();

		StepVerifier.withVirtualTime(summaries::events)
			.assertNext((event) -> assertThat(event.event()).isEqualTo(DashboardSummaries.SUMMARY))
			.then(summaries::stop)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		assertThat(summaries.isRunning()).isFalse();
		// A client that comes later gets at most the last summary, and the end.
		StepVerifier.create(summaries.events())
			.thenConsumeWhile((event) -> true)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void streamsAgainWhenTheApplicationStartsAfterAStop() {
		DashboardSummaries summaries = summaries(Clock.fixed(NOW, ZoneOffset.UTC), INTERVAL);
		summaries.start();
		StepVerifier.create(summaries.events())
			.assertNext((event) -> assertThat(event.event()).isEqualTo(DashboardSummaries.SUMMARY))
			.then(summaries::stop)
			.expectComplete()
			.verify(Duration.ofSeconds(10));

		summaries.start();

		StepVerifier.create(summaries.events())
			.assertNext((event) -> assertThat(event.event()).isEqualTo(DashboardSummaries.SUMMARY))
			.assertNext((event) -> assertThat(event.event()).isEqualTo(DashboardSummaries.SUMMARY))
			.thenCancel()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void sendsUnavailableEventsWhileRedisIsDownAndResumesWhenItIsBack() {
		// A Redis of its own, which this test kills and restarts.
		RedisServerProcess redis = RedisServerProcess.start();
		LettuceConnectionFactory connections = RedisTemplates.connectionFactory(redis);
		// Real time: Redis going away and the client reconnecting happen in real time.
		DashboardSummaries summaries = summaries(RedisTemplates.template(connections), EventStoreKeys.defaults(),
				Clock.systemUTC(), Duration.ofMillis(200));
		List<ServerSentEvent<Object>> events = new CopyOnWriteArrayList<>();
		Disposable client = summaries.events().subscribe(events::add);
		try {
			await().atMost(Duration.ofSeconds(5))
				.until(() -> lastEventName(events), DashboardSummaries.SUMMARY::equals);

			redis.kill();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> lastEventName(events), DashboardSummaries.UNAVAILABLE::equals);
			StreamUnavailable unavailable = (StreamUnavailable) events.get(events.size() - 1).data();
			assertThat(unavailable.detail()).contains("Redis", "resumes by itself");

			redis.restart();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> lastEventName(events), DashboardSummaries.SUMMARY::equals);
		}
		finally {
			client.dispose();
			connections.destroy();
			redis.close();
		}
	}

	private static String lastEventName(List<ServerSentEvent<Object>> events) {
		return events.isEmpty() ? null : events.get(events.size() - 1).event();
	}

	private DashboardSummaries summaries(Clock clock, Duration interval) {
		return summaries(this.template, this.keys, clock, interval);
	}

	private static DashboardSummaries summaries(ReactiveStringRedisTemplate template, EventStoreKeys keys, Clock clock,
			Duration interval) {
		EventReader reader = new EventReader(template, keys);
		HotCaches caches = HotCaches.keepingNothing();
		PollerStatusAnswers statuses = new PollerStatusAnswers(new PollerStatusStore(template, keys), caches);
		// The capture's own clock, so that the dashboard's clock counts its ticks alone
		CaptureAnswers capture = new CaptureAnswers(reader, statuses, Clock.fixed(NOW, ZoneOffset.UTC), caches);
		return new DashboardSummaries(new TimelineService(reader, capture, caches),
				new MadePublicAnswers(reader, caches), statuses, clock, new DashboardProperties(interval, 60, 10),
				Duration.ofMinutes(3));
	}

}
