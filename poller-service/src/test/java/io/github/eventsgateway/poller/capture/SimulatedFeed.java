package io.github.eventsgateway.poller.capture;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.github.eventsgateway.poller.credentials.Credential;
import io.github.eventsgateway.poller.github.PageAnswer;
import io.github.eventsgateway.poller.github.PageAnswer.Outcome;
import io.github.eventsgateway.poller.github.RateLimit;
import io.github.eventsgateway.store.GitHubEvent;

/**
 * GitHub's {@code /events} in virtual time, for scheduler tests: streams of events at
 * steady rates, or at random as a Poisson process does, each shown on its own pages
 * (newest first), with GitHub's primary budget per credential and a ledger of every event
 * ever visible.
 */
final class SimulatedFeed {

	private final List<Stream> streams = new ArrayList<>();

	private final Map<Credential, Budget> budgets = new HashMap<>();

	private final int limit;

	private long nextId = 1;

	private Instant now;

	private boolean frozen;

	/** Draws the gaps between events when they come at random, or {@code null}. */
	private Random arrivals;

	/**
	 * A feed.
	 * @param start when it starts
	 * @param limit each credential's requests per hour
	 */
	SimulatedFeed(Instant start, int limit) {
		this.now = start;
		this.limit = limit;
	}

	/**
	 * Adds a stream.
	 * @param top its first page
	 * @param bottom its last page
	 * @param eventsPerSecond its rate
	 * @param types the types its events have, in turn
	 * @return this feed
	 */
	SimulatedFeed stream(int top, int bottom, double eventsPerSecond, String... types) {
		this.streams.add(new Stream(top, bottom, eventsPerSecond, List.of(types), this.now, this.arrivals));
		return this;
	}

	/**
	 * Makes the streams added afterwards bring their events at random times (exponential
	 * gaps around their rates), as independent users do.
	 * @param seed the seed of the draws, so that a run repeats
	 * @return this feed
	 */
	SimulatedFeed random(long seed) {
		this.arrivals = new Random(seed);
		return this;
	}

	/** Lets time pass: events are generated up to this moment. */
	void advance(Instant to) {
		this.now = to;
		if (!this.frozen) {
			for (Stream stream : this.streams) {
				stream.generate(to);
			}
		}
	}

	/** No more events from now on: what is visible stays, for the reader to finish. */
	void freeze() {
		this.frozen = true;
	}

	Instant now() {
		return this.now;
	}

	/**
	 * Answers a request for a page, charging the credential's budget.
	 * @param page the page
	 * @param credential the credential
	 * @param latency how long the request takes
	 * @return the answer
	 */
	PageAnswer read(int page, Credential credential, Duration latency) {
		return read(page, credential, latency.dividedBy(2), latency.dividedBy(2));
	}

	/**
	 * Answers a request for a page whose way there and way back take different times, so
	 * that the page's moment is not the middle of the request as the reader assumes.
	 * @param page the page
	 * @param credential the credential
	 * @param there how long the request takes to reach GitHub
	 * @param back how long the answer takes to come back
	 * @return the answer
	 */
	PageAnswer read(int page, Credential credential, Duration there, Duration back) {
		Instant sentAt = this.now;
		Budget budget = this.budgets.computeIfAbsent(credential, (key) -> new Budget(this.limit, sentAt));
		advance(this.now.plus(there));
		RateLimit rateLimit = budget.spend(this.now);
		if (rateLimit.remaining() < 0) {
			throw new AssertionError(credential + " sent a request after its budget was spent");
		}
		Stream stream = streamOf(page);
		List<GitHubEvent> events = (stream != null) ? stream.page(page - stream.top) : List.of();
		if (stream != null) {
			stream.served.addAll(events.stream().map(GitHubEvent::id).toList());
		}
		advance(this.now.plus(back));
		return new PageAnswer(Outcome.EVENTS, 200, events, 0, null, rateLimit, Duration.ofSeconds(60), null, 3, null,
				null, sentAt, this.now);
	}

	/** The first page of the stream a page shows. */
	int streamTop(int page) {
		return streamOf(page).top;
	}

	/** Every event ever visible on a stream's pages. */
	int visible(int top) {
		return streamAt(top).visibleEver;
	}

	/** When the events that scrolled off a stream unseen were created. */
	List<String> unseen(int top) {
		return streamAt(top).unseen;
	}

	/** The events of a stream that some read carried. */
	int served(int top) {
		return streamAt(top).served.size();
	}

	/** The most requests a credential sent in any hour so far. */
	int requests(Credential credential) {
		Budget budget = this.budgets.get(credential);
		return (budget != null) ? budget.total : 0;
	}

	private Stream streamAt(int top) {
		return this.streams.stream().filter((stream) -> stream.top == top).findFirst().orElseThrow();
	}

	private Stream streamOf(int page) {
		return this.streams.stream()
			.filter((stream) -> page >= stream.top && page <= stream.bottom)
			.findFirst()
			.orElse(null);
	}

	private final class Stream {

		private final int top;

		private final int bottom;

		private final long stepNanos;

		private final Random arrivals;

		private final List<String> types;

		private final Deque<GitHubEvent> visible = new ArrayDeque<>();

		private final Set<String> served = new HashSet<>();

		private Instant nextAt;

		private int visibleEver;

		Stream(int top, int bottom, double eventsPerSecond, List<String> types, Instant start, Random arrivals) {
			this.top = top;
			this.bottom = bottom;
			this.stepNanos = (long) (1e9 / eventsPerSecond);
			this.arrivals = arrivals;
			this.types = types;
			this.nextAt = start;
		}

		/** Ids that scrolled off the stream's pages without any read carrying them. */
		private final List<String> unseen = new ArrayList<>();

		void generate(Instant to) {
			while (!this.nextAt.isAfter(to)) {
				long id = SimulatedFeed.this.nextId++;
				String type = this.types.get((int) (id % this.types.size()));
				this.visible.addFirst(new GitHubEvent(Long.toString(id), type, 1L, "o/r", "a", this.nextAt, null));
				this.visibleEver++;
				while (this.visible.size() > (this.bottom - this.top + 1) * 100) {
					GitHubEvent gone = this.visible.removeLast();
					if (!this.served.contains(gone.id())) {
						this.unseen.add(gone.createdAt() + " " + gone.id());
					}
				}
				this.nextAt = this.nextAt.plusNanos(nextGap());
			}
		}

		private long nextGap() {
			if (this.arrivals == null) {
				return this.stepNanos;
			}
			return Math.max(1, (long) (-Math.log(1 - this.arrivals.nextDouble()) * this.stepNanos));
		}

		List<GitHubEvent> page(int index) {
			List<GitHubEvent> page = new ArrayList<>(100);
			Iterator<GitHubEvent> newestFirst = this.visible.iterator();
			for (int skipped = 0; skipped < index * 100 && newestFirst.hasNext(); skipped++) {
				newestFirst.next();
			}
			while (page.size() < 100 && newestFirst.hasNext()) {
				page.add(newestFirst.next());
			}
			return page;
		}

	}

	/** GitHub's primary budget of one credential: a window that starts at first use. */
	private static final class Budget {

		private final int limit;

		private Instant resetAt;

		private int used;

		private int total;

		Budget(int limit, Instant start) {
			this.limit = limit;
			this.resetAt = start.plus(Duration.ofHours(1));
		}

		RateLimit spend(Instant now) {
			if (!now.isBefore(this.resetAt)) {
				this.used = 0;
				this.resetAt = now.plus(Duration.ofHours(1));
			}
			this.used++;
			this.total++;
			return new RateLimit(this.limit, this.limit - this.used, this.resetAt);
		}

	}

}
