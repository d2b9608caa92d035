package io.github.eventsgateway.api.pullrequests;

import java.time.Instant;

/**
 * The answer of the pull-request interval endpoint.
 *
 * @param repo the repository as requested
 * @param pullRequests how many pull requests were opened, as far as the store remembers
 * @param averageIntervalSeconds the average time between consecutive ones, {@code null}
 * with fewer than two
 * @param firstOpenedAt when the first was opened, {@code null} when none was
 * @param lastOpenedAt when the last was opened, {@code null} when none was
 */
record PullRequestInterval(String repo, long pullRequests, Double averageIntervalSeconds, Instant firstOpenedAt,
		Instant lastOpenedAt) {

}
