package io.github.eventsgateway.poller.leadership;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.eventsgateway.poller.testing.SchedulerClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two poller instances and a lease that expires as Redis' would, in virtual time: exactly
 * one leads, a standby takes over when the leader dies, and a leader that cannot reach
 * the lease stops before it could have expired. (The lease's own rules, on a real Redis,
 * are tested with the event store; two whole pollers in {@code TwoPollersTests}.)
 */
class LeaseKeeperTests {

	private static final LeaseKeeper.Timing TIMING = LeaseKeeper.Timing.of(Duration.ofSeconds(10),
			Duration.ofSeconds(3), Duration.ofSeconds(2));

	private final VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();

	private final Clock clock = new SchedulerClock(this.scheduler);

	private final ExpiringLease lease = new ExpiringLease(this.clock);

	@AfterEach
	void stop() {
		this.scheduler.dispose();
	}

	@Test
	void aStandbyTakesOverWithinTheTtlAndOneRetryWhenTheLeaderIsKilled() {
		LeaseKeeper first = keeper("poller-a");
		LeaseKeeper second = keeper("poller-b");
		Disposable firstRunning = first.run().subscribe();
		Disposable secondRunning = second.run().subscribe();
		this.scheduler.advanceTimeBy(Duration.ofSeconds(30));
		assertThat(first.isLeader()).isTrue();
		assertThat(second.isLeader()).as("only one instance leads").isFalse();
		// Killed: it stops renewing at once and never releases the lease.
		firstRunning.dispose();
		Instant killedAt = this.clock.instant();
		while (!second.isLeader()) {
			this.scheduler.advanceTimeBy(Duration.ofMillis(100));
		}
		assertThat(Duration.between(killedAt, this.clock.instant())).isLessThanOrEqualTo(TIMING.worstCaseFailover())
			.isLessThan(Duration.ofSeconds(15));
		secondRunning.dispose();
	}

	@Test
	void aLeaderThatCannotReachTheLeaseStopsBeforeItCouldHaveExpired() {
		LeaseKeeper leader = keeper("poller-a");
		Disposable running = leader.run().subscribe();
		this.scheduler.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(leader.isLeader()).isTrue();
		Instant lastRenewalAt = this.lease.lastRenewalAt();
		this.lease.unreachable = true;
		while (leader.isLeader()) {
			this.scheduler.advanceTimeBy(Duration.ofMillis(100));
		}
		// Another instance may take the lease once it expires in Redis: stopped before.
		assertThat(this.clock.instant()).isBefore(lastRenewalAt.plus(TIMING.ttl()));
		running.dispose();
	}

	@Test
	void releasingTheLeaseLetsAStandbyTakeOverAtOnce() {
		LeaseKeeper first = keeper("poller-a");
		LeaseKeeper second = keeper("poller-b");
		Disposable firstRunning = first.run().subscribe();
		this.scheduler.advanceTimeBy(Duration.ofSeconds(1));
		Disposable secondRunning = second.run().subscribe();
		firstRunning.dispose();
		first.release().subscribe();
		assertThat(first.isLeader()).isFalse();
		Instant releasedAt = this.clock.instant();
		while (!second.isLeader()) {
			this.scheduler.advanceTimeBy(Duration.ofMillis(100));
		}
		assertThat(Duration.between(releasedAt, this.clock.instant()))
			.isLessThanOrEqualTo(TIMING.standbyRetryInterval());
		secondRunning.dispose();
	}

	@Test
	void aRefusedWriteEndsLeadershipAtOnceAndANewClaimGetsANewToken() {
		LeaseKeeper leader = keeper("poller-a");
		Disposable running = leader.run().subscribe();
		this.scheduler.advanceTimeBy(Duration.ofSeconds(1));
		String token = leader.fencingToken(this.clock.instant());
		assertThat(token).endsWith(":poller-a");
		leader.lost();
		assertThat(leader.fencingToken(this.clock.instant())).isNull();
		this.lease.expireNow();
		this.scheduler.advanceTimeBy(TIMING.standbyRetryInterval());
		assertThat(leader.fencingToken(this.clock.instant())).isNotNull().isNotEqualTo(token);
		running.dispose();
	}

	@Test
	void defaultTimingFailsOverWellWithinFifteenSeconds() {
		assertThat(TIMING.worstCaseFailover()).isLessThanOrEqualTo(Duration.ofSeconds(12));
		assertThat(TIMING.renewInterval().plus(TIMING.safetyMargin()))
			.as("a leader renews several times before it must stop")
			.isLessThan(TIMING.ttl());
	}

	private LeaseKeeper keeper(String instanceId) {
		return new LeaseKeeper(this.lease, instanceId, TIMING, this.scheduler, this.clock);
	}

	/** A lease that expires by the clock, as Redis' {@code PX} does. */
	private static final class ExpiringLease implements Lease {

		private final Clock clock;

		private String token;

		private Instant expiresAt;

		private Instant lastRenewalAt;

		private int epoch;

		private boolean unreachable;

		ExpiringLease(Clock clock) {
			this.clock = clock;
		}

		@Override
		public Mono<String> acquireOrRenew(String instanceId, Duration ttl) {
			if (this.unreachable) {
				return Mono.never();
			}
			Instant now = this.clock.instant();
			if (this.token != null && now.isBefore(this.expiresAt) && !this.token.endsWith(":" + instanceId)) {
				return Mono.empty();
			}
			if (this.token == null || !now.isBefore(this.expiresAt)) {
				this.token = ++this.epoch + ":" + instanceId;
			}
			this.expiresAt = now.plus(ttl);
			this.lastRenewalAt = now;
			return Mono.just(this.token);
		}

		@Override
		public Mono<Boolean> release(String fencingToken) {
			boolean held = fencingToken.equals(this.token);
			if (held) {
				this.token = null;
			}
			return Mono.just(held);
		}

		Instant lastRenewalAt() {
			return this.lastRenewalAt;
		}

		void expireNow() {
			this.token = null;
		}

	}

}
