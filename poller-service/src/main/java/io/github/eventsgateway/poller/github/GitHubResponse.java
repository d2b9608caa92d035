package io.github.eventsgateway.poller.github;

import java.time.Duration;

/**
 * What GitHub answered to one request for a page of events, with the headers the poller
 * acts on.
 *
 * @param status the HTTP status
 * @param body the body (empty for 304)
 * @param etag the {@code ETag}, or {@code null}
 * @param nextPage the URL of {@code Link: rel="next"}, or {@code null}
 * @param pollInterval {@code X-Poll-Interval}, or {@code null}
 * @param rateLimit the {@code x-ratelimit-*} headers, or {@code null} when absent
 * @param retryAfter {@code retry-after}, or {@code null}
 */
public record GitHubResponse(int status, byte[] body, String etag, String nextPage, Duration pollInterval,
		RateLimit rateLimit, Duration retryAfter) {

	public boolean isOk() {
		return this.status == 200;
	}

	public boolean isNotModified() {
		return this.status == 304;
	}

	/** A 403 or 429: some rate limit, or (rarely) a plain refusal. */
	public boolean isRateLimited() {
		return this.status == 403 || this.status == 429;
	}

	public boolean isUnauthorized() {
		return this.status == 401;
	}

}
