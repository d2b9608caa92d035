package io.github.eventsgateway.store;

import java.time.Duration;
import java.time.Instant;

/**
 * The pull requests opened in one repository, as far as the store remembers.
 *
 * @param opened how many were opened
 * @param firstOpenedAt when the first was, or {@code null} when none was
 * @param lastOpenedAt when the last was, or {@code null} when none was
 */
public record PullRequestStats(long opened, Instant firstOpenedAt, Instant lastOpenedAt) {

	/**
	 * The average time between consecutive pull requests: the span from the first to the
	 * last divided by the gaps between them.
	 * @return the average in seconds, or {@code null} with fewer than two pull requests
	 */
	public Double averageIntervalSeconds() {
		if (this.opened < 2) {
			return null;
		}
		return Duration.between(this.firstOpenedAt, this.lastOpenedAt).toSeconds() / (double) (this.opened - 1);
	}

}
