package io.github.eventsgateway.poller.leadership;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.PollerLease;
import io.github.eventsgateway.store.testing.RedisServerProcess;
import io.github.eventsgateway.store.testing.RedisTemplates;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two poller instances on one real Redis: exactly one leads, and a standby takes over
 * when the leader dies.
 */
class LeaseKeeperTests {

	private static final LeaseKeeper.Timing DEFAULT_TIMING = LeaseKeeper.Timing.of(Duration.ofSeconds(10),
			Duration.ofSeconds(3), Duration.ofSeconds(2));

	private static final LeaseKeeper.Timing FAST_TIMING = LeaseKeeper.Timing.of(Duration.ofMillis(1000),
			Duration.ofMillis(300), Duration.ofMillis(200));

	@Test
	void standbyTakesOverWithinFifteenSecondsWhenTheLeaderIsKilled() {
		try (RedisServerProcess redisServer = RedisServerProcess.start();
				Instances instances = new Instances(redisServer)) {
			LeaseKeeper first = instances.keeper("poller-a", DEFAULT_TIMING);
			LeaseKeeper second = instances.keeper("poller-b", DEFAULT_TIMING);
			Disposable firstRunning = first.run().subscribe();
			awaitTrue(first::isLeader, Duration.ofSeconds(5));
			Disposable secondRunning = second.run().subscribe();
			sleep(Duration.ofSeconds(3));
			assertThat(first.isLeader()).isTrue();
			assertThat(second.isLeader()).as("only one instance leads").isFalse();
			// Killed: it stops renewing at once and never releases the lease.
			firstRunning.dispose();
			Instant killedAt = Instant.now();
			awaitTrue(second::isLeader, Duration.ofSeconds(15));
			assertThat(Duration.between(killedAt, Instant.now())).isLessThan(Duration.ofSeconds(15));
			secondRunning.dispose();
		}
	}

	@Test
	void leaderStopsBeforeItsLeaseCanExpireWhenRedisIsGone() {
		try (RedisServerProcess redisServer = RedisServerProcess.start();
				Instances instances = new Instances(redisServer)) {
			LeaseKeeper leader = instances.keeper("poller-a", FAST_TIMING);
			Disposable running = leader.run().subscribe();
			awaitTrue(leader::isLeader, Duration.ofSeconds(5));
			redisServer.kill();
			Instant killedAt = Instant.now();
			awaitTrue(() -> !leader.isLeader(), Duration.ofSeconds(5));
			// Its last renewal was sent before the kill, so by then its lease could have
			// expired in Redis, and another instance taken it: it must have stopped
			// before.
			assertThat(leader.isLeader(killedAt.plus(FAST_TIMING.ttl()))).isFalse();
			running.dispose();
		}
	}

	@Test
	void releasesTheLeaseSoAStandbyTakesOverAtOnce() {
		try (RedisServerProcess redisServer = RedisServerProcess.start();
				Instances instances = new Instances(redisServer)) {
			LeaseKeeper first = instances.keeper("poller-a", DEFAULT_TIMING);
			LeaseKeeper second = instances.keeper("poller-b", DEFAULT_TIMING);
			Disposable firstRunning = first.run().subscribe();
			awaitTrue(first::isLeader, Duration.ofSeconds(5));
			Disposable secondRunning = second.run().subscribe();
			firstRunning.dispose();
			first.release().block(Duration.ofSeconds(5));
			assertThat(first.isLeader()).isFalse();
			Instant releasedAt = Instant.now();
			awaitTrue(second::isLeader, Duration.ofSeconds(5));
			assertThat(Duration.between(releasedAt, Instant.now()))
				.isLessThanOrEqualTo(DEFAULT_TIMING.standbyRetryInterval().plusSeconds(1));
			secondRunning.dispose();
		}
	}

	@Test
	void defaultTimingFailsOverWellWithinFifteenSeconds() {
		assertThat(DEFAULT_TIMING.worstCaseFailover()).isLessThanOrEqualTo(Duration.ofSeconds(12));
		assertThat(DEFAULT_TIMING.renewInterval().plus(DEFAULT_TIMING.safetyMargin()))
			.as("a leader renews several times before it must stop")
			.isLessThan(DEFAULT_TIMING.ttl());
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

	/** Instances with their own connections, as separate processes would have. */
	private static final class Instances implements AutoCloseable {

		private final RedisServerProcess redisServer;

		private final List<LettuceConnectionFactory> factories = new ArrayList<>();

		Instances(RedisServerProcess redisServer) {
			this.redisServer = redisServer;
		}

		LeaseKeeper keeper(String instanceId, LeaseKeeper.Timing timing) {
			LettuceConnectionFactory factory = RedisTemplates.connectionFactory(this.redisServer);
			this.factories.add(factory);
			ReactiveStringRedisTemplate redis = RedisTemplates.template(factory);
			return new LeaseKeeper(new PollerLease(redis, EventStoreKeys.defaults()), instanceId, timing,
					Schedulers.parallel(), Clock.systemUTC());
		}

		@Override
		public void close() {
			this.factories.forEach(LettuceConnectionFactory::destroy);
		}

	}

}
