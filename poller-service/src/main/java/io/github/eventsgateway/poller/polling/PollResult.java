package io.github.eventsgateway.poller.polling;

import java.time.Duration;
import java.time.Instant;

import io.github.eventsgateway.poller.github.GitHubToken;
import io.github.eventsgateway.poller.github.RateLimit;
import io.github.eventsgateway.store.IngestResult;

/**
 * What one poll did: the pages GitHub answered, what was stored, and what it says about
 * when to poll next.
 *
 * @param token the token used
 * @param startedAt when the poll began
 * @param kind how it ended, for the pacing decision
 * @param outcome how it ended, as the metric label: {@code 200}, {@code 304},
 * {@code 403}, {@code 429}, {@code 5xx} or {@code error}
 * @param pages the pages GitHub answered with 200
 * @param requestsCharged the requests that cost budget (every answer but a 304)
 * @param pollInterval the last {@code X-Poll-Interval}, or {@code null}
 * @param rateLimit the last budget reported, or {@code null}
 * @param retryAfter the last {@code retry-after}, or {@code null}
 * @param ingest what was stored ({@link IngestResult#empty()} when nothing was fetched)
 * @param suspectedGap whether the pages did not reach back to events already stored,
 * though the store had events: some were probably missed
 * @param error one line on what went wrong, never a token, or {@code null}
 */
public record PollResult(GitHubToken token, Instant startedAt, Kind kind, String outcome, int pages,
		int requestsCharged, Duration pollInterval, RateLimit rateLimit, Duration retryAfter, IngestResult ingest,
		boolean suspectedGap, String error) {

	/** How a poll ended, as far as pacing is concerned. */
	public enum Kind {

		/** GitHub answered 200: events were fetched and stored. */
		SUCCESS,

		/** GitHub answered 304 to page 1: nothing new, no budget spent. */
		NOT_MODIFIED,

		/** The token's budget is used up, or GitHub sent {@code retry-after}. */
		RATE_LIMITED,

		/** A 403 or 429 without an exhausted budget or {@code retry-after}. */
		SECONDARY_LIMIT,

		/** GitHub refused the token (401). */
		UNAUTHORIZED,

		/** 5xx, timeout, connection error, malformed JSON, or a failed write. */
		FAILED

	}

	/** Whether GitHub answered the poll (200 or 304). */
	public boolean isAnswered() {
		return this.kind == Kind.SUCCESS || this.kind == Kind.NOT_MODIFIED;
	}

}
