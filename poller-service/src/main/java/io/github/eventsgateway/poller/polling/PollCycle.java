package io.github.eventsgateway.poller.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import io.github.eventsgateway.poller.github.GitHubClient;
import io.github.eventsgateway.poller.github.GitHubResponse;
import io.github.eventsgateway.poller.github.GitHubToken;
import io.github.eventsgateway.poller.github.RateLimit;
import io.github.eventsgateway.poller.metrics.PollerMetrics;
import io.github.eventsgateway.store.EventWriter;
import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.GitHubEventCodec;
import io.github.eventsgateway.store.IngestResult;
import io.github.eventsgateway.store.MalformedEventsException;
import io.github.eventsgateway.store.PollerStatusStore;
import reactor.core.publisher.Mono;

/**
 * One poll: page 1 of {@code /events}, then, only while no fetched page reaches back to
 * events already stored, the pages its {@code Link: rel="next"} headers name, up to the
 * configured number. All the events fetched then go to Redis in one atomic ingest. ETags
 * are kept per page and token, and only once the events of their page are stored, so a
 * failed write never turns into a 304 that hides events.
 */
public class PollCycle {

	private static final int MAX_ETAGS = 64;

	private final GitHubClient client;

	private final EventWriter writer;

	private final PollerStatusStore statusStore;

	private final PollerMetrics metrics;

	private final String firstPage;

	private final int maxPages;

	private final Map<String, String> etags = new ConcurrentHashMap<>();

	public PollCycle(GitHubClient client, EventWriter writer, PollerStatusStore statusStore, PollerMetrics metrics,
			String apiUrl, int maxPages) {
		this.client = client;
		this.writer = writer;
		this.statusStore = statusStore;
		this.metrics = metrics;
		this.firstPage = apiUrl + "/events?per_page=100";
		this.maxPages = maxPages;
	}

	/**
	 * Polls once. Never ends with an error: failures are part of the result.
	 * @param token the token to use
	 * @param startedAt the current time
	 * @return what happened
	 */
	public Mono<PollResult> poll(GitHubToken token, Instant startedAt) {
		Poll poll = new Poll(token, startedAt);
		return fetch(this.firstPage, 1, poll).then(Mono.defer(() -> store(poll)))
			.onErrorResume((ex) -> Mono.just(poll.failed(ex)));
	}

	private Mono<Void> fetch(String url, int page, Poll poll) {
		String etagKey = poll.token.label() + " " + url;
		return this.client.fetch(url, poll.token, this.etags.get(etagKey)).flatMap((response) -> {
			poll.answered(response);
			this.metrics.request(response.status());
			if (response.isNotModified()) {
				// Page 1 unchanged: nothing new. A deeper page unchanged: it holds
				// what an earlier poll stored, so this poll reaches stored events.
				poll.reachedStored = page > 1;
				return Mono.empty();
			}
			if (!response.isOk()) {
				poll.refused(response);
				return Mono.empty();
			}
			List<GitHubEvent> events = GitHubEventCodec.readArray(response.body());
			poll.pages++;
			poll.events.addAll(events);
			if (response.etag() != null) {
				poll.etags.put(etagKey, response.etag());
			}
			return this.writer.countStored(events).flatMap((known) -> {
				if (known > 0) {
					poll.reachedStored = true;
					return Mono.empty();
				}
				if (page < this.maxPages && response.nextPage() != null) {
					return fetch(response.nextPage(), page + 1, poll);
				}
				return Mono.empty();
			});
		});
	}

	private Mono<PollResult> store(Poll poll) {
		if (poll.events.isEmpty()) {
			commitEtags(poll);
			return Mono.just(poll.result(IngestResult.empty(), false));
		}
		Mono<Boolean> gap = (poll.reachedStored || poll.refusal != null) ? Mono.just(false)
				: this.statusStore.read()
					.map((status) -> status.eventsStored() != null && status.eventsStored() > 0)
					.defaultIfEmpty(false);
		return gap.flatMap((suspected) -> this.writer.ingest(poll.events).map((ingest) -> {
			commitEtags(poll);
			return poll.result(ingest, suspected);
		}));
	}

	private void commitEtags(Poll poll) {
		if (poll.refusal != null) {
			// An incomplete poll: fetch page 1 again next time, and the pages after.
			return;
		}
		if (this.etags.size() > MAX_ETAGS) {
			this.etags.clear();
		}
		this.etags.putAll(poll.etags);
	}

	/** One line on a failure, without any URL or header that could hold a token. */
	static String describe(Throwable ex) {
		if (ex instanceof MalformedEventsException) {
			return "Malformed JSON from GitHub: " + oneLine(ex.getMessage());
		}
		if (ex instanceof TimeoutException) {
			return "GitHub did not answer in time";
		}
		String name = ex.getClass().getSimpleName();
		if (ex.getClass().getName().startsWith("org.springframework.data.redis")
				|| ex.getClass().getName().startsWith("io.lettuce")) {
			return "Redis: " + name + ((ex.getMessage() != null) ? ": " + oneLine(ex.getMessage()) : "");
		}
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		return "Request to GitHub failed: " + cause.getClass().getSimpleName()
				+ ((cause.getMessage() != null) ? ": " + oneLine(cause.getMessage()) : "");
	}

	private static String oneLine(String message) {
		String line = message.replaceAll("[\\r\\n]+", " ").trim();
		return (line.length() > 200) ? line.substring(0, 200) + "…" : line;
	}

	private static final class Poll {

		private final GitHubToken token;

		private final Instant startedAt;

		private final List<GitHubEvent> events = new ArrayList<>();

		private final Map<String, String> etags = new LinkedHashMap<>();

		private int pages;

		private int requestsCharged;

		private boolean notModified;

		private boolean reachedStored;

		private Duration pollInterval;

		private RateLimit rateLimit;

		private Duration retryAfter;

		private GitHubResponse refusal;

		Poll(GitHubToken token, Instant startedAt) {
			this.token = token;
			this.startedAt = startedAt;
		}

		void answered(GitHubResponse response) {
			if (response.isNotModified()) {
				this.notModified = this.pages == 0;
			}
			else {
				this.requestsCharged++;
			}
			if (response.pollInterval() != null) {
				this.pollInterval = response.pollInterval();
			}
			if (response.rateLimit() != null) {
				this.rateLimit = response.rateLimit();
			}
			this.retryAfter = response.retryAfter();
		}

		void refused(GitHubResponse response) {
			this.refusal = response;
		}

		PollResult failed(Throwable ex) {
			return new PollResult(this.token, this.startedAt, PollResult.Kind.FAILED, "error", this.pages,
					this.requestsCharged, this.pollInterval, this.rateLimit, this.retryAfter, IngestResult.empty(),
					false, describe(ex));
		}

		PollResult result(IngestResult ingest, boolean suspectedGap) {
			if (this.refusal != null) {
				return refusalResult(ingest);
			}
			PollResult.Kind kind = this.notModified ? PollResult.Kind.NOT_MODIFIED : PollResult.Kind.SUCCESS;
			return new PollResult(this.token, this.startedAt, kind, this.notModified ? "304" : "200", this.pages,
					this.requestsCharged, this.pollInterval, this.rateLimit, this.retryAfter, ingest, suspectedGap,
					null);
		}

		private PollResult refusalResult(IngestResult ingest) {
			int status = this.refusal.status();
			PollResult.Kind kind;
			String outcome;
			String error;
			if (this.refusal.isUnauthorized() && !this.token.isAnonymous()) {
				kind = PollResult.Kind.UNAUTHORIZED;
				outcome = "error";
				error = "GitHub refused " + this.token + " (401)";
			}
			else if (this.refusal.isUnauthorized()) {
				// No token to drop: retrying at once would hammer GitHub, so back off.
				kind = PollResult.Kind.FAILED;
				outcome = "error";
				error = "GitHub requires a token (401); set GITHUB_TOKENS";
			}
			else if (this.refusal.isRateLimited()) {
				outcome = Integer.toString(status);
				boolean exhausted = this.rateLimit != null && this.rateLimit.isExhausted();
				if (exhausted || this.retryAfter != null) {
					kind = PollResult.Kind.RATE_LIMITED;
					error = exhausted ? "Rate limit of " + this.token + " used up (" + status + ")"
							: "GitHub asked to retry after " + this.retryAfter.toSeconds() + " s (" + status + ")";
				}
				else {
					kind = PollResult.Kind.SECONDARY_LIMIT;
					error = "Secondary rate limit (" + status + ")";
				}
			}
			else {
				kind = PollResult.Kind.FAILED;
				outcome = (status >= 500) ? "5xx" : "error";
				error = "GitHub answered " + status;
			}
			return new PollResult(this.token, this.startedAt, kind, outcome, this.pages, this.requestsCharged,
					this.pollInterval, this.rateLimit, this.retryAfter, ingest, false, error);
		}

	}

}
