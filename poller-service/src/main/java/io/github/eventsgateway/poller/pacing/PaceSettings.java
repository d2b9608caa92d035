package io.github.eventsgateway.poller.pacing;

import java.time.Duration;

/**
 * How requests are paced, the same for every credential.
 *
 * @param mode budget or poll-interval pacing
 * @param maxRequestsPerMinute the most requests one credential sends in any minute, 304s
 * included ({@code POLLER_MAX_REQUESTS_PER_MINUTE}; GitHub's secondary limit is 900)
 * @param burst the most requests a credential may send at once after a quiet spell
 * (budget pacing)
 * @param pages the pages one poll reads (poll-interval pacing: that many requests per
 * interval)
 * @param defaultPollInterval the interval when GitHub sends no {@code X-Poll-Interval}
 * @param secondaryLimitWait the shortest wait after a secondary rate limit (GitHub asks
 * for a minute)
 */
public record PaceSettings(PacingMode mode, int maxRequestsPerMinute, int burst, int pages,
		Duration defaultPollInterval, Duration secondaryLimitWait) {

}
