package io.github.eventsgateway.poller.github;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.eventsgateway.store.GitHubEvent;

/**
 * What GitHub answered to a request for a page of {@code /events}, decoded and
 * classified: a page of events, not modified, a refusal of a named kind, or a failure to
 * get an answer at all.
 *
 * @param outcome how the request ended
 * @param status the HTTP status, or 0 when there was no answer
 * @param events the events of the page (only for {@link Outcome#EVENTS})
 * @param dropped the page's entries that could not be GitHub events (beyond its bounds)
 * @param etag the page's {@code ETag}, or {@code null}
 * @param rateLimit the budget GitHub reported, or {@code null}
 * @param pollInterval {@code X-Poll-Interval}, or {@code null}
 * @param retryAfter {@code retry-after}, or {@code null}
 * @param lastPage the page number GitHub marks {@code rel="last"}, or {@code null}
 * @param refusedLink the origin of a {@code Link} GitHub sent that points outside the
 * API's origin (never followed), or {@code null}
 * @param problem one line on what went wrong, never a secret, or {@code null}
 * @param sentAt when the request was sent
 * @param answeredAt when the answer was read
 */
public record PageAnswer(Outcome outcome, int status, List<GitHubEvent> events, int dropped, String etag,
		RateLimit rateLimit, Duration pollInterval, Duration retryAfter, Integer lastPage, String refusedLink,
		String problem, Instant sentAt, Instant answeredAt) {

	/** How a request for a page ended. */
	public enum Outcome {

		/** 200: the page's events. */
		EVENTS,

		/** 304: the page has not changed since the ETag sent; costs no budget. */
		NOT_MODIFIED,

		/** 403 or 429 with the budget used up: wait for the reset. */
		PRIMARY_LIMIT,

		/**
		 * 403 or 429 with budget left: a secondary (abuse) limit, or {@code retry-after}.
		 */
		SECONDARY_LIMIT,

		/** 401: the credential is wrong, revoked or expired. */
		UNAUTHORIZED,

		/** 422 (or 404): the page is past the end of the feed. */
		NO_SUCH_PAGE,

		/** 5xx: GitHub failed. */
		SERVER_ERROR,

		/** Another refusal (400, 403 without a limit...). */
		REFUSED,

		/** No usable answer: timeout, connection failure, a body that is not JSON. */
		FAILED

	}

	/** Whether GitHub answered with the page (200 or 304). */
	public boolean isAnswered() {
		return this.outcome == Outcome.EVENTS || this.outcome == Outcome.NOT_MODIFIED;
	}

	/** Whether the request cost budget: every answer but a 304 and no answer. */
	public boolean isCharged() {
		return this.outcome != Outcome.NOT_MODIFIED && this.status != 0;
	}

	/** The moment the page was read: halfway between sending and answer. */
	public Instant readAt() {
		return this.sentAt.plus(Duration.between(this.sentAt, this.answeredAt).dividedBy(2));
	}

	/** The status as the metrics label it: {@code 200}, {@code 304}, {@code 5xx}... */
	public String statusLabel() {
		if (this.status == 0) {
			return "error";
		}
		return (this.status >= 500) ? "5xx" : Integer.toString(this.status);
	}

}
