package io.github.eventsgateway.firehose;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub's primary rate limit: a budget of requests per credential (each token, and the
 * anonymous caller) that resets a fixed window after its first use.
 */
final class RateLimits {

	/** The name under which requests without a token are counted. */
	static final String ANONYMOUS = "anonymous";

	private final Clock clock;

	private final Duration window;

	private final Map<String, Budget> budgets = new LinkedHashMap<>();

	private final Map<String, String> credentialByToken = new LinkedHashMap<>();

	RateLimits(Clock clock, Duration window, List<String> tokens, int tokenLimit, int anonymousLimit) {
		this.clock = clock;
		this.window = window;
		this.budgets.put(ANONYMOUS, new Budget(anonymousLimit));
		for (int i = 0; i < tokens.size(); i++) {
			String credential = "token-" + (i + 1);
			this.credentialByToken.put(tokens.get(i), credential);
			this.budgets.put(credential, new Budget(tokenLimit));
		}
	}

	/**
	 * Names the credential of a request, never the token itself.
	 * @param authorization the {@code Authorization} header, or {@code null}
	 * @return {@code anonymous}, {@code token-1}, {@code token-2}... or {@code null} for
	 * a token that is not known
	 */
	String credential(String authorization) {
		if (authorization == null || authorization.isBlank()) {
			return ANONYMOUS;
		}
		String[] scheme = authorization.trim().split("\\s+", 2);
		if (scheme.length != 2 || !("token".equalsIgnoreCase(scheme[0]) || "bearer".equalsIgnoreCase(scheme[0]))) {
			return null;
		}
		return this.credentialByToken.get(scheme[1].trim());
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
