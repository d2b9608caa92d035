package io.github.eventsgateway.poller.leadership;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.eventsgateway.poller.capture.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Keeps this instance's claim on the poller lease: the leader renews it every few
 * seconds, a standby tries to take it. The leader counts itself leader only until its
 * last successful renewal could have expired (less a safety margin), so it stops polling
 * before any other instance can take over, even when Redis cannot be reached. Its writes
 * carry the lease's fencing token, which Redis checks atomically: should it still write
 * after losing the lease (a pause longer than the margin), the write is refused, and
 * {@link #lost()} ends its leadership at once.
 */
public class LeaseKeeper implements Leadership {

	private static final Logger logger = LoggerFactory.getLogger(LeaseKeeper.class);

	private final Lease lease;

	private final String instanceId;

	private final Timing timing;

	private final Scheduler scheduler;

	private final Clock clock;

	private volatile Claim claim;

	public LeaseKeeper(Lease lease, String instanceId, Timing timing, Scheduler scheduler, Clock clock) {
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
		return fencingToken(this.clock.instant()) != null;
	}

	@Override
	public String fencingToken(Instant now) {
		Claim current = this.claim;
		return (current != null && now.isBefore(current.until())) ? current.token() : null;
	}

	@Override
	public void lost() {
		if (this.claim != null) {
			this.claim = null;
			logger.warn("Instance {} lost the poller lease to another instance; standing by", this.instanceId);
		}
	}

	/**
	 * Gives the lease up, so a standby takes over at once.
	 * @return done when released (or when Redis could not be told)
	 */
	public Mono<Void> release() {
		Claim current = this.claim;
		this.claim = null;
		if (current == null || !this.clock.instant().isBefore(current.until())) {
			return Mono.empty();
		}
		return this.lease.release(current.token())
			.timeout(this.timing.renewInterval())
			.doOnNext((released) -> logger.info("Instance {} released the poller lease", this.instanceId))
			.onErrorResume((ex) -> Mono.empty())
			.then();
	}

	private Mono<Boolean> attempt() {
		Instant sentAt = this.clock.instant();
		boolean wasLeader = fencingToken(sentAt) != null;
		return this.lease.acquireOrRenew(this.instanceId, this.timing.ttl())
			.timeout(this.timing.renewInterval(), this.scheduler)
			// Counted from before the request: Redis's expiry starts later.
			.map((token) -> new Claim(token, sentAt.plus(this.timing.ttl()).minus(this.timing.safetyMargin())))
			.doOnNext((claim) -> this.claim = claim)
			.switchIfEmpty(Mono.fromRunnable(() -> this.claim = null))
			.then()
			.onErrorResume((ex) -> {
				// No answer: the lease may still hold, until the claim runs out.
				if (wasLeader) {
					logger.warn("Instance {} could not renew the poller lease: {}", this.instanceId, ex.toString());
				}
				return Mono.empty();
			})
			.then(Mono.fromCallable(() -> {
				boolean leader = fencingToken(this.clock.instant()) != null;
				if (leader != wasLeader) {
					logger.info(leader ? "Instance {} holds the poller lease; polling"
							: "Instance {} does not hold the poller lease; standing by", this.instanceId);
				}
				return leader;
			}))
			.delayUntil((leader) -> Mono
				.delay(leader ? this.timing.renewInterval() : this.timing.standbyRetryInterval(), this.scheduler));
	}

	/** The lease as this instance holds it: its fencing token, and until when surely. */
	private record Claim(String token, Instant until) {

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
