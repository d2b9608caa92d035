package io.github.eventsgateway.poller.capture;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.github.eventsgateway.poller.capture.Sweeper.PageRead;
import io.github.eventsgateway.poller.capture.Sweeper.Sweep;
import io.github.eventsgateway.poller.pacing.PacingMode;
import io.github.eventsgateway.poller.pacing.RequestBudget;
import io.github.eventsgateway.store.PollerReport;
import io.github.eventsgateway.store.PollerStatusStore;
import io.github.eventsgateway.store.StoreFailures;
import io.github.eventsgateway.store.StreamState;
import reactor.core.publisher.Mono;

/**
 * Writes what the leader did to the status hash in Redis after each sweep, for the API
 * and the dashboard. The write carries the lease's fencing token, so a deposed leader's
 * report is refused. While Redis is away nothing can be written; once it is back, the
 * outage itself is reported, with its cause, as the last error.
 */
final class StatusReporter {

	private final PollerStatusStore store;

	private final String instanceId;

	private final PacingMode pacing;

	private Instant outageSince;

	private String outageCause;

	StatusReporter(PollerStatusStore store, String instanceId, PacingMode pacing) {
		this.store = store;
		this.instanceId = instanceId;
		this.pacing = pacing;
	}

	/**
	 * Reports a sweep.
	 * @param sweep what it read
	 * @param state what the poller does now
	 * @param scheduler the streams' schedules
	 * @param budget the credentials' budgets
	 * @param layout the feed's streams
	 * @param delays how late events arrive
	 * @param fencingToken this instance's token
	 * @param now the current time
	 * @return whether it was written; never an error (the status is not worth a failed
	 * poll)
	 */
	Mono<Boolean> report(Sweep sweep, String state, CaptureScheduler scheduler, RequestBudget budget, FeedLayout layout,
			DeliveryDelays delays, String fencingToken, Instant now) {
		PollerReport.Builder report = PollerReport.builder(this.instanceId)
			.state(state)
			.source("github")
			.pacing(this.pacing.displayName())
			.pollInterval(budget.pollInterval())
			.credentials(budget.states(now))
			.streams(streams(scheduler, layout))
			.deliveryDelay(delays.quantile(0.5), delays.quantile(0.99))
			.eventsDropped(sweep.dropped());
		PageRead last = sweep.last();
		if (last != null && last.answer() != null) {
			report.lastPoll(now, last.answer().statusLabel());
			if (sweep.reads().stream().anyMatch((read) -> read.answer() != null && read.answer().isAnswered())) {
				report.lastSuccessAt(now);
			}
		}
		if (sweep.completeness() != null && sweep.completeness().saturated()) {
			report.suspectedGaps(1);
		}
		String problem = problem(sweep, budget, now);
		if (sweep.failure() != null) {
			report.lastPoll(now, "error");
			if (StoreFailures.isFromStore(sweep.failure())) {
				if (this.outageSince == null) {
					this.outageSince = now;
				}
				this.outageCause = problem;
				return Mono.just(false);
			}
		}
		if (this.outageSince != null) {
			problem = "Redis was unavailable from " + this.outageSince.truncatedTo(ChronoUnit.SECONDS) + " to "
					+ now.truncatedTo(ChronoUnit.SECONDS) + ": " + this.outageCause;
		}
		if (problem != null) {
			report.error(problem, now);
		}
		return this.store.update(fencingToken, report.build()).doOnNext((written) -> {
			if (written) {
				this.outageSince = null;
				this.outageCause = null;
			}
		}).onErrorResume((ex) -> Mono.just(false));
	}

	/**
	 * Reports that this instance leads but reads nothing now (waiting for a budget or a
	 * backoff): the status says so, without a read to show.
	 */
	Mono<Boolean> reportWaiting(String state, RequestBudget budget, String fencingToken, Instant now) {
		PollerReport report = PollerReport.builder(this.instanceId)
			.state(state)
			.credentials(budget.states(now))
			.build();
		return this.store.update(fencingToken, report).onErrorResume((ex) -> Mono.just(false));
	}

	private static String problem(Sweep sweep, RequestBudget budget, Instant now) {
		if (sweep.failure() != null) {
			return CaptureFailures.describe(sweep.failure());
		}
		for (int i = sweep.reads().size() - 1; i >= 0; i--) {
			PageRead read = sweep.reads().get(i);
			if (read.answer() == null && read.change() != null) {
				return read.change();
			}
			if (read.answer() != null && read.answer().refusedLink() != null) {
				return "GitHub's Link header points to " + read.answer().refusedLink()
						+ ", outside GITHUB_API_URL's origin: not followed, no token sent there";
			}
			if (read.answer() != null && read.answer().problem() != null) {
				return (read.change() != null) ? read.change() : read.answer().problem();
			}
		}
		return budget.pausedBecause(now);
	}

	private static List<StreamState> streams(CaptureScheduler scheduler, FeedLayout layout) {
		List<StreamSchedule> schedules = scheduler.byPriority();
		List<StreamState> streams = new ArrayList<>(schedules.size());
		for (int i = 0; i < schedules.size(); i++) {
			StreamSchedule schedule = schedules.get(i);
			Duration interval = schedule.interval();
			streams.add(new StreamState(schedule.pages().id(), schedule.pages().pages(),
					layout.types(schedule.pages(), 5), round(schedule.rate()), interval.toMillis() / 1000.0, i + 1));
		}
		return streams;
	}

	private static Double round(Double value) {
		return (value != null) ? Math.round(value * 100) / 100.0 : null;
	}

}
