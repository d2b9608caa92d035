package io.github.eventsgateway.poller.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import io.github.eventsgateway.poller.github.GitHubToken;
import io.github.eventsgateway.poller.metrics.PollerMetrics;
import io.github.eventsgateway.poller.pacing.TokenPool;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The polling pipeline: while this instance leads, it waits for the next turn the planner
 * gives, polls, records metrics and status, and logs only when the state changes (rate
 * limited, backing off, polling again), not every retry. It never ends with an error.
 */
public class PollingLoop {

	private static final Log logger = LogFactory.getLog(PollingLoop.class);

	private final Predicate<Instant> leadership;

	private final PollPlanner planner;

	private final BiFunction<GitHubToken, Instant, Mono<PollResult>> poller;

	private final StatusReporter status;

	private final PollerMetrics metrics;

	private final Scheduler scheduler;

	private final Clock clock;

	private final Duration recheck;

	private PollPlanner.State state;

	/**
	 * Creates the loop.
	 * @param leadership tells whether this instance may poll at a moment
	 * @param planner decides when and with which token to poll
	 * @param poller polls once
	 * @param status records each poll in Redis
	 * @param metrics records each poll in metrics
	 * @param scheduler the scheduler of every wait
	 * @param clock the clock (that of the scheduler)
	 * @param recheck the longest single wait, so that losing the lease stops polling in
	 * time
	 */
	public PollingLoop(Predicate<Instant> leadership, PollPlanner planner,
			BiFunction<GitHubToken, Instant, Mono<PollResult>> poller, StatusReporter status, PollerMetrics metrics,
			Scheduler scheduler, Clock clock, Duration recheck) {
		this.leadership = leadership;
		this.planner = planner;
		this.poller = poller;
		this.status = status;
		this.metrics = metrics;
		this.scheduler = scheduler;
		this.clock = clock;
		this.recheck = recheck;
	}

	/**
	 * Polls until cancelled.
	 * @return each poll's result
	 */
	public Flux<PollResult> run() {
		return Flux.defer(this::step).onErrorResume(this::survive).repeat();
	}

	private Mono<PollResult> survive(Throwable ex) {
		// Not expected (a poll reports its failures in its result), but never fatal.
		logger.error("Polling step failed; going on", ex);
		return Mono.delay(this.recheck, this.scheduler).then(Mono.empty());
	}

	private Mono<PollResult> step() {
		Instant now = this.clock.instant();
		if (!this.leadership.test(now)) {
			changeState(PollPlanner.State.STANDBY, "not holding the poller lease");
			return Mono.delay(this.recheck, this.scheduler).then(Mono.empty());
		}
		TokenPool.Turn turn = this.planner.next(now);
		Duration wait = Duration.between(now, turn.at());
		if (!wait.isNegative() && !wait.isZero()) {
			Duration nap = (wait.compareTo(this.recheck) < 0) ? wait : this.recheck;
			return Mono.delay(nap, this.scheduler).then(Mono.empty());
		}
		return this.poller.apply(turn.token(), now).flatMap(this::record);
	}

	private Mono<PollResult> record(PollResult result) {
		Instant endedAt = this.clock.instant();
		int tokensBefore = this.planner.usableTokens();
		PollPlanner.Decision decision = this.planner.after(result, endedAt);
		this.metrics.poll(result.outcome());
		this.metrics.ingested(result.ingest().storedByType(), result.ingest().newestEventAt());
		if (result.suspectedGap()) {
			this.metrics.suspectedGap();
		}
		if (result.rateLimit() != null) {
			this.metrics.rateLimitRemaining(result.rateLimit().remaining());
		}
		if (result.kind() == PollResult.Kind.UNAUTHORIZED && !result.token().isAnonymous()) {
			logger.warn("GitHub refused " + result.token() + " (401); dropped it, " + this.planner.usableTokens()
					+ " of " + tokensBefore + " usable tokens left"
					+ ((this.planner.usableTokens() == 0) ? "; polling anonymously" : ""));
		}
		changeState(decision.state(), describe(result, decision));
		return this.status.report(result, decision, this.planner.usableTokens(), endedAt).thenReturn(result);
	}

	private void changeState(PollPlanner.State next, String reason) {
		if (next == this.state) {
			return;
		}
		PollPlanner.State previous = this.state;
		this.state = next;
		switch (next) {
			case POLLING -> logger.info(((previous == null || previous == PollPlanner.State.STANDBY)
					? "Polling GitHub: " : "GitHub reachable again: ") + reason);
			case STANDBY -> {
				if (previous != null) {
					logger.info("Stopped polling: " + reason);
				}
			}
			default -> logger.warn(reason);
		}
	}

	private static String describe(PollResult result, PollPlanner.Decision decision) {
		return switch (decision.state()) {
			case RATE_LIMITED -> "Rate limited (" + result.error() + ") until " + decision.until();
			case BACKING_OFF -> "Backing off until " + decision.until() + " after: " + result.error();
			default ->
				"every " + decision.delay().toMillis() / 1000.0 + " s per token, last answer " + result.outcome();
		};
	}

}
