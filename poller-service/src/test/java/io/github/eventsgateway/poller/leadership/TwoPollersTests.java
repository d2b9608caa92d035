package io.github.eventsgateway.poller.leadership;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.eventsgateway.poller.github.GitHubClient;
import io.github.eventsgateway.poller.metrics.PollerMetrics;
import io.github.eventsgateway.poller.pacing.Backoff;
import io.github.eventsgateway.poller.pacing.TokenPool;
import io.github.eventsgateway.poller.polling.PollCycle;
import io.github.eventsgateway.poller.polling.PollPlanner;
import io.github.eventsgateway.poller.polling.PollingLoop;
import io.github.eventsgateway.poller.polling.StatusReporter;
import io.github.eventsgateway.poller.testing.Fixtures;
import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.EventWriter;
import io.github.eventsgateway.store.PollerLease;
import io.github.eventsgateway.store.PollerStatus;
import io.github.eventsgateway.store.PollerStatusStore;
import io.github.eventsgateway.store.testing.RedisServerProcess;
import io.github.eventsgateway.store.testing.RedisTemplates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two complete poller instances (lease keeper, polling loop, own Redis connections) on
 * one real Redis and one WireMock GitHub, with the default lease timing: only the leader
 * polls, and when it is killed (no renewal, no release) the standby polls within 15
 * seconds without counting any event twice.
 */
class TwoPollersTests {

	private static final Duration RETENTION = Duration.ofDays(20 * 365);

	@Test
	void onlyTheLeaderPollsAndAStandbyTakesOverWhenItIsKilled() {
		WireMockServer github = new WireMockServer(options().dynamicPort());
		github.start();
		try (RedisServerProcess redisServer = RedisServerProcess.start()) {
			github.stubFor(get(urlPathEqualTo("/events")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withHeader("X-Poll-Interval", "1")
				.withBody(Fixtures.bytes(Fixtures.PAGE_2020))));
			try (Instance first = new Instance("poller-a", redisServer, github);
					Instance second = new Instance("poller-b", redisServer, github)) {
				first.start();
				awaitTrue(first.leaseKeeper::isLeader, Duration.ofSeconds(5));
				second.start();
				awaitTrue(() -> requestsBy(github, "poller-a") >= 3, Duration.ofSeconds(10));
				assertThat(requestsBy(github, "poller-b")).as("a standby never polls").isZero();

				first.kill();
				Instant killedAt = Instant.now();
				int requestsBeforeKill = requestsBy(github, "poller-a");
				awaitTrue(() -> requestsBy(github, "poller-b") > 0, Duration.ofSeconds(15));
				assertThat(Duration.between(killedAt, Instant.now())).isLessThan(Duration.ofSeconds(15));
				assertThat(requestsBy(github, "poller-a")).isEqualTo(requestsBeforeKill);

				PollerStatus status = awaitStatusOf(second, "poller-b");
				assertThat(status.leaseHolder()).isEqualTo("poller-b");
				assertThat(status.eventsStored()).as("each event counted once").isEqualTo(30);
				assertThat(status.duplicatesSkipped()).isPositive();
			}
		}
		finally {
			github.stop();
		}
	}

	private static int requestsBy(WireMockServer github, String instanceId) {
		return github
			.findAll(getRequestedFor(urlEqualTo("/events?per_page=100")).withHeader("User-Agent", equalTo(instanceId)))
			.size();
	}

	private static PollerStatus awaitStatusOf(Instance instance, String leader) {
		Instant deadline = Instant.now().plusSeconds(5);
		while (true) {
			PollerStatus status = instance.statusStore.read().block(Duration.ofSeconds(5));
			if (leader.equals(status.leader())) {
				return status;
			}
			assertThat(Instant.now()).isBefore(deadline);
			sleep(Duration.ofMillis(50));
		}
	}

	private static void awaitTrue(BooleanSupplier condition, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waited %s", timeout).isBefore(deadline);
			sleep(Duration.ofMillis(50));
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * One poller instance, wired as the application wires it, named by its User-Agent.
	 */
	private static final class Instance implements AutoCloseable {

		private final LettuceConnectionFactory connectionFactory;

		private final LeaseKeeper leaseKeeper;

		private final PollingLoop pollingLoop;

		private final PollerStatusStore statusStore;

		private final Disposable.Composite running = Disposables.composite();

		Instance(String instanceId, RedisServerProcess redisServer, WireMockServer github) {
			Clock clock = Clock.systemUTC();
			this.connectionFactory = RedisTemplates.connectionFactory(redisServer);
			ReactiveStringRedisTemplate redis = RedisTemplates.template(this.connectionFactory);
			EventStoreKeys keys = EventStoreKeys.defaults();
			this.statusStore = new PollerStatusStore(redis, keys);
			PollerMetrics metrics = new PollerMetrics(new SimpleMeterRegistry(), clock);
			this.leaseKeeper = new LeaseKeeper(new PollerLease(redis, keys), instanceId,
					LeaseKeeper.Timing.of(Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(2)),
					Schedulers.parallel(), clock);
			PollCycle cycle = new PollCycle(new GitHubClient(instanceId, Duration.ofSeconds(2), clock),
					new EventWriter(redis, keys, RETENTION), this.statusStore, metrics, github.baseUrl(), 3);
			PollPlanner planner = new PollPlanner(
					new TokenPool(List.of(), Duration.ofSeconds(1), Duration.ofMillis(500)),
					new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2),
							() -> ThreadLocalRandom.current().nextDouble()),
					Duration.ofSeconds(1));
			this.pollingLoop = new PollingLoop(this.leaseKeeper::isLeader, planner, cycle::poll,
					new StatusReporter(this.statusStore, instanceId), metrics, Schedulers.parallel(), clock,
					Duration.ofMillis(200));
		}

		void start() {
			this.running.add(this.leaseKeeper.run().subscribe());
			this.running.add(this.pollingLoop.run().subscribe());
		}

		/** Stops at once, as {@code kill -9} would: no renewal, no release. */
		void kill() {
			this.running.dispose();
		}

		@Override
		public void close() {
			kill();
			this.connectionFactory.destroy();
		}

	}

}
