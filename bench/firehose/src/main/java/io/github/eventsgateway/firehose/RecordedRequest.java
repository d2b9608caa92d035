package io.github.eventsgateway.firehose;

import java.time.Instant;

/**
 * One request the stand-in answered, as tests and benchmarks look back at it.
 *
 * @param receivedAt when it arrived (the stand-in's clock)
 * @param credential {@code anonymous}, {@code token-1}..., {@code app-installation-<id>}
 * for an installation token, {@code app-<id>} for an App's JWT, or {@code unknown}; never
 * the token
 * @param userAgent the client's {@code User-Agent}, or {@code null}
 * @param page the page asked for (0 for an App token request)
 * @param perPage the page size asked for (after GitHub's clamping; 0 for an App token
 * request)
 * @param status the status sent, 0 for a connection reset
 * @param fault the fault injected, or {@code null}
 * @param eventsServed how many events a complete 200 carried (0 for anything else)
 * @param path {@link #EVENTS} or the App token endpoint's path
 * @param secondaryLimitProvoked whether this was refused by the secondary rate limit the
 * client's own requests crossed (an injected {@link Fault#SECONDARY_RATE_LIMIT} is not)
 */
public record RecordedRequest(Instant receivedAt, String credential, String userAgent, int page, int perPage,
		int status, Fault fault, int eventsServed, String path, boolean secondaryLimitProvoked) {

	/** The path of the public events feed. */
	public static final String EVENTS = "/events";

	/** Whether the request counted against a primary budget. */
	public boolean spentBudget() {
		return EVENTS.equals(this.path) && (this.status == 200 || this.status == 422);
	}

}
