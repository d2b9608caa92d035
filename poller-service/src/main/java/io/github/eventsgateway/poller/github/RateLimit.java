package io.github.eventsgateway.poller.github;

import java.time.Instant;

/**
 * A token's budget as GitHub reported it in {@code x-ratelimit-*} headers.
 *
 * @param limit requests per hour
 * @param remaining requests left until the reset
 * @param resetAt when the budget is full again
 */
public record RateLimit(long limit, long remaining, Instant resetAt) {

	public boolean isExhausted() {
		return this.remaining <= 0;
	}

}
