package io.github.eventsgateway.poller.capture;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.eventsgateway.poller.credentials.Credential;
import io.github.eventsgateway.poller.github.GitHubOperations;
import io.github.eventsgateway.poller.github.PageAnswer;
import io.github.eventsgateway.poller.github.PageAnswer.Outcome;
import io.github.eventsgateway.poller.pacing.RequestBudget;
import io.github.eventsgateway.store.CaptureRecord;
import io.github.eventsgateway.store.EventWriter;
import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.IngestResult;
import io.github.eventsgateway.store.LeaseLostException;
import reactor.core.publisher.Mono;

/**
 * Reads one stream of the feed once (a sweep): its top page, then each page below while
 * the last one showed fewer already-stored events than the stream's margin, each page
 * stored in Redis as soon as it is read, with its fencing token. Events the sweep itself
 * read on a page above, pushed down by new ones while it went, are not known ground: only
 * what an earlier sweep stored is. Before every request it checks that this instance
 * still holds the lease, so a poller that lost it stops before its next request; a write
 * refused because the lease moved on stops it too. ETags are kept per page, and only once
 * the page's events are stored, so a failed write never turns into a 304 that hides
 * events. Not thread safe: the capture loop is its only user.
 */
final class Sweeper {

	private final GitHubOperations github;

	private final RequestBudget budget;

	private final EventWriter writer;

	private final Leadership leadership;

	private final FeedLayout layout;

	private final DeliveryDelays delays;

	private final Clock clock;

	private final Map<Integer, String> etags = new HashMap<>();

	Sweeper(GitHubOperations github, RequestBudget budget, EventWriter writer, Leadership leadership, FeedLayout layout,
			DeliveryDelays delays, Clock clock) {
		this.github = github;
		this.budget = budget;
		this.writer = writer;
		this.leadership = leadership;
		this.layout = layout;
		this.delays = delays;
		this.clock = clock;
	}

	/**
	 * Sweeps a stream.
	 * @param stream the stream's schedule
	 * @param credential the credential granted for the first request
	 * @return what was read; never an error
	 */
	Mono<Sweep> sweep(StreamSchedule stream, Credential credential) {
		Sweep sweep = new Sweep(stream.pages(), stream.wantsDeepCheck());
		return readFrom(stream, stream.pages().top(), credential, sweep).thenReturn(sweep)
			.flatMap((done) -> recordCompleteness(stream, done))
			.onErrorResume((ex) -> {
				sweep.failed(ex);
				return Mono.just(sweep);
			});
	}

	private Mono<Void> readFrom(StreamSchedule stream, int page, Credential credential, Sweep sweep) {
		return read(stream, page, credential).flatMap((answered) -> {
			PageRead read = sweep.add(answered);
			if (!read.continues()) {
				return Mono.empty();
			}
			int next = stream.nextPage(page, read.overlap(), sweep.deepCheck, sweep.deepChecked());
			if (next < 0) {
				return Mono.empty();
			}
			if (read.overlap() >= stream.margin()) {
				sweep.startDeepCheck();
			}
			Credential granted = this.budget.take(this.clock.instant()).orElse(null);
			if (granted == null) {
				sweep.stoppedForBudget = true;
				return Mono.empty();
			}
			return readFrom(stream, next, granted, sweep);
		});
	}

	private Mono<PageRead> read(StreamSchedule stream, int page, Credential credential) {
		String fencingToken = this.leadership.fencingToken(this.clock.instant());
		if (fencingToken == null) {
			return Mono.just(PageRead.leaseLost(page));
		}
		return credential.authorization()
			.defaultIfEmpty("")
			.onErrorMap(CredentialUnusable::new)
			.flatMap((authorization) -> this.github.events(page, authorization.isEmpty() ? null : authorization,
					this.etags.get(page)))
			.flatMap((answer) -> store(stream, page, credential, answer, fencingToken))
			.onErrorResume(LeaseLostException.class, (ex) -> {
				this.leadership.lost();
				return Mono.just(PageRead.leaseLost(page));
			})
			.onErrorResume(CredentialUnusable.class, (ex) -> {
				String problem = ex.getCause().getMessage();
				String change = this.budget.unusable(credential, problem, this.clock.instant());
				return Mono.just(PageRead.unusable(page, credential, change));
			});
	}

	private Mono<PageRead> store(StreamSchedule stream, int page, Credential credential, PageAnswer answer,
			String fencingToken) {
		String change = this.budget.record(credential, answer, this.clock.instant());
		if (answer.outcome() == Outcome.NO_SUCH_PAGE) {
			this.layout.endsAt(page - 1);
		}
		if (answer.outcome() != Outcome.EVENTS) {
			return Mono.just(new PageRead(page, credential, answer, null, change, 0));
		}
		this.layout.observe(page, answer.events());
		if (answer.lastPage() != null) {
			this.layout.endsAt(answer.lastPage());
		}
		this.delays.observe(answer.events(), answer.readAt());
		CaptureRecord capture = new CaptureRecord(stream.pages().id(), answer.readAt(), 0, 0, 1);
		return this.writer.ingest(answer.events(), fencingToken, capture).map((ingest) -> {
			if (answer.etag() != null) {
				this.etags.put(page, answer.etag());
			}
			return new PageRead(page, credential, answer, ingest, change, 0);
		});
	}

	private Mono<Sweep> recordCompleteness(StreamSchedule stream, Sweep sweep) {
		if (sweep.reads.isEmpty() || !sweep.reads.get(0).answer().isAnswered() || sweep.leaseLost()) {
			return Mono.just(sweep);
		}
		StreamSchedule.Completeness completeness = stream.swept(sweep.summary());
		sweep.completeness = completeness;
		if (!completeness.saturated() && completeness.missed() == 0) {
			return Mono.just(sweep);
		}
		String fencingToken = this.leadership.fencingToken(this.clock.instant());
		if (fencingToken == null) {
			return Mono.just(sweep);
		}
		CaptureRecord capture = new CaptureRecord(stream.pages().id(), sweep.topReadAt(), completeness.missed(),
				completeness.saturated() ? 1 : 0, 0);
		return this.writer.ingest(List.of(), fencingToken, capture)
			.thenReturn(sweep)
			.onErrorResume(LeaseLostException.class, (ex) -> {
				this.leadership.lost();
				return Mono.just(sweep);
			});
	}

	/** The credential could not give an {@code Authorization} header. */
	private static final class CredentialUnusable extends RuntimeException {

		CredentialUnusable(Throwable cause) {
			super(cause);
		}

	}

	/**
	 * The read of one page.
	 *
	 * @param page the page
	 * @param credential the credential it was sent with
	 * @param answer GitHub's answer, or {@code null} when no request went out
	 * @param ingest what was stored, or {@code null} when nothing was
	 * @param change what the budget learnt that is worth a log line, or {@code null}
	 * @param repeats events the same sweep read on a page above
	 */
	record PageRead(int page, Credential credential, PageAnswer answer, IngestResult ingest, String change,
			int repeats) {

		static PageRead leaseLost(int page) {
			return new PageRead(page, null, null, null, null, 0);
		}

		static PageRead unusable(int page, Credential credential, String problem) {
			return new PageRead(page, credential, null, null, problem, 0);
		}

		PageRead withRepeats(int repeats) {
			return new PageRead(this.page, this.credential, this.answer, this.ingest, this.change, repeats);
		}

		/** Whether the sweep may go on to the next page. */
		boolean continues() {
			return this.answer != null && this.answer.isAnswered();
		}

		int stored() {
			return (this.ingest != null) ? this.ingest.stored() : 0;
		}

		/**
		 * The events an earlier sweep stored; an unchanged page (304) is known ground
		 * throughout.
		 */
		int overlap() {
			if (this.answer != null && this.answer.outcome() == Outcome.NOT_MODIFIED) {
				return StreamSchedule.PAGE_SIZE;
			}
			int known = (this.ingest != null) ? this.ingest.duplicates() + this.ingest.expired() : 0;
			return Math.max(0, known - this.repeats);
		}

	}

	/**
	 * What one sweep read, page by page.
	 */
	static final class Sweep {

		private final PageRange pages;

		private final boolean deepCheck;

		private final List<PageRead> reads = new ArrayList<>();

		/** The ids of the events read so far. */
		private final Set<String> read = new HashSet<>();

		private int deepCheckFrom = -1;

		private boolean stoppedForBudget;

		private StreamSchedule.Completeness completeness;

		private Throwable failure;

		Sweep(PageRange pages, boolean deepCheck) {
			this.pages = pages;
			this.deepCheck = deepCheck;
		}

		/**
		 * Adds a page read, counting the events already read on a page above.
		 * @param read the page read
		 * @return the read, with its repeats counted
		 */
		PageRead add(PageRead read) {
			int repeats = 0;
			if (read.answer() != null) {
				for (GitHubEvent event : read.answer().events()) {
					if (!this.read.add(event.id())) {
						repeats++;
					}
				}
			}
			PageRead counted = read.withRepeats(repeats);
			this.reads.add(counted);
			return counted;
		}

		void startDeepCheck() {
			this.deepCheckFrom = this.reads.size();
		}

		boolean deepChecked() {
			return this.deepCheckFrom >= 0;
		}

		void failed(Throwable failure) {
			this.failure = failure;
		}

		PageRange pages() {
			return this.pages;
		}

		List<PageRead> reads() {
			return this.reads;
		}

		/** The last page read, whose answer the status shows. */
		PageRead last() {
			return this.reads.isEmpty() ? null : this.reads.get(this.reads.size() - 1);
		}

		boolean leaseLost() {
			return this.reads.stream().anyMatch((read) -> read.answer() == null && read.credential() == null);
		}

		boolean stoppedForBudget() {
			return this.stoppedForBudget;
		}

		StreamSchedule.Completeness completeness() {
			return this.completeness;
		}

		Throwable failure() {
			return this.failure;
		}

		Instant topReadAt() {
			return this.reads.get(0).answer().readAt();
		}

		int stored() {
			return this.reads.stream().mapToInt(PageRead::stored).sum();
		}

		int dropped() {
			return this.reads.stream().mapToInt((read) -> (read.answer() != null) ? read.answer().dropped() : 0).sum();
		}

		StreamSchedule.SweepSummary summary() {
			int overlap = this.reads.stream().mapToInt(PageRead::overlap).sum();
			int deepCheckNew = -1;
			if (this.deepCheckFrom >= 0 && this.deepCheckFrom < this.reads.size()) {
				deepCheckNew = this.reads.subList(this.deepCheckFrom, this.reads.size())
					.stream()
					.mapToInt(PageRead::stored)
					.sum();
			}
			PageRead last = last();
			boolean reachedBottom = last != null && last.page() >= this.pages.bottom() && last.continues();
			PageAnswer top = this.reads.get(0).answer();
			return new StreamSchedule.SweepSummary(top.sentAt(), top.answeredAt(), stored(), overlap, reachedBottom,
					deepCheckNew);
		}

	}

}
