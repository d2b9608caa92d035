package io.github.eventsgateway.poller.leadership;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.eventsgateway.store.PollerLease;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Keeps this instance's claim on the poller lease: the leader renews it every few
 * seconds, a standby tries to take it. The leader counts itself leader only until its
 * last successful renewal could have expired (less a safety margin), so it stops polling
 * before any other instance can take over, even when Redis cannot be reached.
 */
public class LeaseKeeper {

	private static final Log logger = LogFactory.getLog(LeaseKeeper.class);

	private final PollerLease lease;

	private final String instanceId;

	private final Timing timing;

	private final Scheduler scheduler;

	private final Clock clock;

	private volatile Instant leaderUntil;

	public LeaseKeeper(PollerLease lease, String instanceId, Timing timing, Scheduler scheduler, Clock clock) {
		this.lease = lease;
		this.instanceId = instanceId;
		this.timing = timing;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/**
	 * Renews or tries to take the lease, forever, at the leader's or the standby's pace.
	 * @return the leadership after each attempt
	 */
	public Flux<Boolean> run() {
		return Flux.defer(this::attempt).onErrorResume((ex) -> {
			// Not expected (attempt handles Redis failures), but never fatal.
			logger.error("Lease attempt failed; going on", ex);
			return Mono.delay(this.timing.standbyRetryInterval(), this.scheduler).then(Mono.empty());
		}).repeat();
	}

	/** Whether this instance may poll now. */
	public boolean isLeader() {
		return isLeader(this.clock.instant());
	}

	/**
	 * Whether this instance may poll at a moment.
	 * @param now the moment
	 * @return whether its lease surely still holds then
	 */
	public boolean isLeader(Instant now) {
		Instant until = this.leaderUntil;
		return until != null && now.isBefore(until);
	}

	/**
	 * Gives the lease up, so a standby takes over at once.
	 * @return done when released (or when Redis could not be told)
	 */
	public Mono<Void> release() {
		boolean wasLeader = isLeader();
		this.leaderUntil = null;
		if (!wasLeader) {
			return Mono.empty();
		}
		return this.lease.release(this.instanceId)
			.timeout(this.timing.renewInterval())
			.doOnNext((released) -> logger.info("Instance " + this.instanceId + " released the poller lease"))
			.onErrorResume((ex) -> Mono.empty())
			.then();
	}

	private Mono<Boolean> attempt() {
		Instant sentAt = this.clock.instant();
		boolean wasLeader = isLeader(sentAt);
		return this.lease.acquireOrRenew(this.instanceId, this.timing.ttl())
			.timeout(this.timing.renewInterval(), this.scheduler)
			.doOnNext((held) -> {
				// Counted from before the request: Redis's expiry starts later.
				this.leaderUntil = held ? sentAt.plus(this.timing.ttl()).minus(this.timing.safetyMargin()) : null;
			})
			.then()
			.onErrorResume((ex) -> {
				// No answer: the lease may still hold, until leaderUntil passes.
				if (wasLeader) {
					logger.warn("Instance " + this.instanceId + " could not renew the poller lease: " + ex);
				}
				return Mono.empty();
			})
			.then(Mono.fromCallable(() -> {
				boolean leader = isLeader(this.clock.instant());
				if (leader != wasLeader) {
					logger.info(leader ? "Instance " + this.instanceId + " holds the poller lease; polling"
							: "Instance " + this.instanceId + " does not hold the poller lease; standing by");
				}
				return leader;
			}))
			.delayUntil((leader) -> Mono
				.delay(leader ? this.timing.renewInterval() : this.timing.standbyRetryInterval(), this.scheduler));
	}

	/**
	 * How the lease is kept.
	 *
	 * @param ttl how long the lease lasts without renewal
	 * @param renewInterval how often the leader renews it
	 * @param standbyRetryInterval how often a standby tries to take it
	 * @param safetyMargin how long before its lease could expire the leader stops polling
	 */
	public record Timing(Duration ttl, Duration renewInterval, Duration standbyRetryInterval, Duration safetyMargin) {

		/**
		 * The timing for a lease TTL and renewal pace, with a safety margin of a fifth of
		 * the TTL.
		 * @param ttl the TTL
		 * @param renewInterval the renewal pace
		 * @param standbyRetryInterval the standby's pace
		 * @return the timing
		 */
		public static Timing of(Duration ttl, Duration renewInterval, Duration standbyRetryInterval) {
			return new Timing(ttl, renewInterval, standbyRetryInterval, ttl.dividedBy(5));
		}

		/** The longest a standby waits after the leader died: TTL plus one retry. */
		public Duration worstCaseFailover() {
			return this.ttl.plus(this.standbyRetryInterval);
		}

	}

}
