package io.github.eventsgateway.firehose;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub's primary rate limit: a budget of requests per credential (each token, the
 * anonymous caller, and an App installation whose tokens share one) that resets a fixed
 * window after its first use.
 */
final class RateLimits {

	private final Clock clock;

	private final Duration window;

	private final Map<String, Budget> budgets = new LinkedHashMap<>();

	/**
	 * @param clock the clock of the windows
	 * @param window how long a budget lasts after its first use
	 * @param limits each credential's budget per window, by the credential's name
	 */
	RateLimits(Clock clock, Duration window, Map<String, Integer> limits) {
		this.clock = clock;
		this.window = window;
		limits.forEach((credential, limit) -> this.budgets.put(credential, new Budget(limit)));
	}

	/**
	 * Spends one request of a credential's budget, if any is left.
	 * @param credential the credential
	 * @return the budget after the request, {@code spent} telling whether it was allowed
	 */
	synchronized Usage spend(String credential) {
		return this.budgets.get(credential).use(this.clock.instant(), this.window, true);
	}

	/**
	 * Reads a credential's budget without spending any of it (a 304, for instance).
	 * @param credential the credential
	 * @return the budget
	 */
	synchronized Usage peek(String credential) {
		return this.budgets.get(credential).use(this.clock.instant(), this.window, false);
	}

	/**
	 * What is left of a budget.
	 *
	 * @param spent whether this request was allowed and counted
	 * @param limit the budget per window
	 * @param remaining requests left in the window
	 * @param used requests spent in the window
	 * @param resetAt when the window ends
	 */
	record Usage(boolean spent, int limit, int remaining, int used, Instant resetAt) {

	}

	private static final class Budget {

		private final int limit;

		private int used;

		private Instant resetAt;

		Budget(int limit) {
			this.limit = limit;
		}

		Usage use(Instant now, Duration window, boolean spend) {
			if (this.resetAt == null || !now.isBefore(this.resetAt)) {
				this.used = 0;
				// whole seconds, as x-ratelimit-reset tells them: a client that waits for
				// the
				// header's second never arrives before the actual reset
				Instant end = now.plus(window);
				Instant wholeSecond = end.truncatedTo(ChronoUnit.SECONDS);
				this.resetAt = wholeSecond.equals(end) ? end : wholeSecond.plusSeconds(1);
			}
			boolean allowed = spend && this.used < this.limit;
			if (allowed) {
				this.used++;
			}
			return new Usage(allowed, this.limit, this.limit - this.used, this.used, this.resetAt);
		}

	}

}
