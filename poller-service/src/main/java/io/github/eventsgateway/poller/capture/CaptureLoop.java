package io.github.eventsgateway.poller.capture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import io.github.eventsgateway.poller.capture.Sweeper.PageRead;
import io.github.eventsgateway.poller.capture.Sweeper.Sweep;
import io.github.eventsgateway.poller.metrics.PollerMetrics;
import io.github.eventsgateway.poller.pacing.RequestBudget;
import io.github.eventsgateway.store.CredentialState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The capture pipeline: while this instance holds the lease, it asks the scheduler for
 * the next stream to read, sweeps it, and records metrics and status; otherwise it stands
 * by. It logs when its state or the feed's layout changes, and what the budget learns (a
 * limit, a dropped token), not every read. It never ends with an error.
 */
public class CaptureLoop {

	private static final Logger logger = LoggerFactory.getLogger(CaptureLoop.class);

	private final Leadership leadership;

	private final CaptureScheduler scheduler;

	private final Sweeper sweeper;

	private final RequestBudget budget;

	private final FeedLayout layout;

	private final DeliveryDelays delays;

	private final StatusReporter status;

	private final PollerMetrics metrics;

	private final Scheduler timer;

	private final Clock clock;

	private final Duration recheck;

	private State state;

	private List<PageRange> loggedStreams;

	CaptureLoop(Leadership leadership, CaptureScheduler scheduler, Sweeper sweeper, RequestBudget budget,
			FeedLayout layout, DeliveryDelays delays, StatusReporter status, PollerMetrics metrics, Scheduler timer,
			Clock clock, Duration recheck) {
		this.leadership = leadership;
		this.scheduler = scheduler;
		this.sweeper = sweeper;
		this.budget = budget;
		this.layout = layout;
		this.delays = delays;
		this.status = status;
		this.metrics = metrics;
		this.timer = timer;
		this.clock = clock;
		this.recheck = recheck;
	}

	/**
	 * Captures until cancelled.
	 * @return each sweep
	 */
	public Flux<Sweep> run() {
		return Flux.defer(this::step).onErrorResume(this::survive).repeat();
	}

	private Mono<Sweep> survive(Throwable ex) {
		// Not expected (a sweep reports its failures), but never fatal.
		logger.error("Capture step failed; going on", ex);
		return pause(this.recheck);
	}

	private Mono<Sweep> step() {
		Instant now = this.clock.instant();
		String fencingToken = this.leadership.fencingToken(now);
		if (fencingToken == null) {
			changeState(State.STANDBY, "not holding the poller lease");
			return pause(this.recheck);
		}
		CaptureScheduler.Plan plan = this.scheduler.next(now);
		if (!plan.isSweep()) {
			State waiting = waitingState(now);
			if (waiting != State.POLLING && waiting != this.state) {
				changeState(waiting, describeWait(waiting, now));
				return this.status.reportWaiting(waiting.name(), this.budget, fencingToken, now)
					.then(pauseUntil(now, plan.wakeAt()));
			}
			return pauseUntil(now, plan.wakeAt());
		}
		return this.sweeper.sweep(plan.stream(), plan.credential()).flatMap((sweep) -> record(plan, sweep));
	}

	private Mono<Sweep> record(CaptureScheduler.Plan plan, Sweep sweep) {
		Instant now = this.clock.instant();
		for (PageRead read : sweep.reads()) {
			if (read.answer() != null) {
				this.metrics.request(read.page(), read.answer().statusLabel());
				if (read.answer().refusedLink() != null) {
					this.metrics.refusedLink();
				}
			}
			if (read.ingest() != null) {
				this.metrics.ingested(read.ingest().storedByType(), read.ingest().newestEventAt());
			}
			if (read.change() != null) {
				logger.warn(read.change());
			}
		}
		this.metrics.dropped(sweep.dropped());
		StreamSchedule.Completeness completeness = sweep.completeness();
		if (completeness != null) {
			this.metrics.captured(sweep.pages().id(), sweep.stored(), completeness.missed(), completeness.saturated());
		}
		this.metrics.stream(sweep.pages().id(), plan.stream().rate(), plan.stream().interval());
		if (logger.isDebugEnabled()) {
			logger.debug("Swept {}: pages {}, {} new, {}, rate {}/s, next in {} ms", sweep.pages().id(),
					sweep.reads()
						.stream()
						.map((read) -> read.page() + ":" + read.stored() + "/" + read.overlap())
						.toList(),
					sweep.stored(), completeness, plan.stream().rate(), plan.stream().interval().toMillis());
		}
		for (CredentialState credential : this.budget.states(now)) {
			this.metrics.rateLimitRemaining(credential.label(), credential.remaining());
		}
		this.metrics.deliveryDelay(this.delays.quantile(0.5), this.delays.quantile(0.99));
		describeLayout();
		State next = (sweep.failure() != null) ? State.BACKING_OFF : waitingState(now);
		changeState(next,
				(sweep.failure() != null) ? CaptureFailures.describe(sweep.failure()) : describeWait(next, now));
		String fencingToken = this.leadership.fencingToken(now);
		if (fencingToken == null) {
			return Mono.just(sweep);
		}
		return this.status
			.report(sweep, next.name(), this.scheduler, this.budget, this.layout, this.delays, fencingToken, now)
			.thenReturn(sweep);
	}

	private State waitingState(Instant now) {
		if (this.budget.pausedUntil(now) != null) {
			return State.BACKING_OFF;
		}
		return this.budget.isRateLimited(now) ? State.RATE_LIMITED : State.POLLING;
	}

	private String describeWait(State state, Instant now) {
		return switch (state) {
			case BACKING_OFF ->
				"Backing off until " + this.budget.pausedUntil(now) + " after: " + this.budget.pausedBecause(now);
			case RATE_LIMITED -> "Every credential is rate limited; next request at " + this.budget.availableAt(now);
			default -> this.budget.usableCredentials() + " credential(s), " + describedLayout();
		};
	}

	private void describeLayout() {
		List<PageRange> streams = this.layout.streams();
		if (!streams.equals(this.loggedStreams)) {
			if (this.loggedStreams != null) {
				logger.info("The feed's layout changed: {}", describedLayout());
			}
			this.loggedStreams = streams;
		}
	}

	private String describedLayout() {
		return this.layout.streams()
			.stream()
			.map((range) -> range.id() + " " + this.layout.types(range, 3))
			.collect(Collectors.joining(", ", "streams ", ""));
	}

	private void changeState(State next, String reason) {
		if (next == this.state) {
			return;
		}
		State previous = this.state;
		this.state = next;
		switch (next) {
			case POLLING -> logger.info("{}{}",
					(previous == null || previous == State.STANDBY) ? "Polling GitHub: " : "GitHub reachable again: ",
					reason);
			case STANDBY -> {
				if (previous != null) {
					logger.info("Stopped polling: {}", reason);
				}
			}
			default -> logger.warn(reason);
		}
	}

	private Mono<Sweep> pauseUntil(Instant now, Instant wakeAt) {
		return pause(wakeAt.isAfter(now.plus(this.recheck)) ? this.recheck : Duration.between(now, wakeAt));
	}

	private Mono<Sweep> pause(Duration wait) {
		Duration nap = wait.isNegative() || wait.isZero() ? Duration.ofMillis(1)
				: (wait.compareTo(this.recheck) < 0) ? wait : this.recheck;
		return Mono.delay(nap, this.timer).then(Mono.empty());
	}

	/** What the poller is doing, as the status shows it. */
	enum State {

		/** Reading the feed at the pace the budget allows. */
		POLLING,

		/** Every credential waits for a rate limit to pass. */
		RATE_LIMITED,

		/** Waiting after failures, longer each time. */
		BACKING_OFF,

		/** Another instance holds the lease. */
		STANDBY

	}

}
