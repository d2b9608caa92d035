package io.github.eventsgateway.poller.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.github.eventsgateway.poller.github.GitHubToken;
import io.github.eventsgateway.poller.github.RateLimit;

/**
 * The tokens and each one's pace. Every token keeps its own earliest next request: never
 * sooner than the {@code X-Poll-Interval} it was last given, later when its remaining
 * budget would not last until its reset, and not before its reset once it is used up. The
 * pool picks the usable token with the most budget left, and spaces polls so that N
 * tokens poll N times as often overall while each keeps its own interval. Not thread
 * safe: the polling loop is its only writer.
 */
public final class TokenPool {

	private final List<TokenState> tokens = new ArrayList<>();

	private final Duration defaultPollInterval;

	private final Duration minPollInterval;

	private Instant lastPollAt;

	/**
	 * Creates a pool.
	 * @param tokens the configured tokens; none means anonymous
	 * @param defaultPollInterval the interval when GitHub sends no
	 * {@code X-Poll-Interval}
	 * @param minPollInterval the shortest interval per token, whatever GitHub says
	 */
	public TokenPool(List<GitHubToken> tokens, Duration defaultPollInterval, Duration minPollInterval) {
		this.defaultPollInterval = defaultPollInterval;
		this.minPollInterval = minPollInterval;
		if (tokens.isEmpty()) {
			this.tokens.add(new TokenState(GitHubToken.ANONYMOUS, defaultPollInterval));
		}
		else {
			tokens.forEach((token) -> this.tokens.add(new TokenState(token, defaultPollInterval)));
		}
	}

	/**
	 * Picks the token for the next poll.
	 * @param now the current time
	 * @return the token and the earliest time it may poll
	 */
	public Turn next(Instant now) {
		TokenState chosen = this.tokens.stream()
			.min(Comparator.comparing((TokenState state) -> later(state.nextRequestAt, now))
				.thenComparing(TokenState::budgetLeft, Comparator.reverseOrder()))
			.orElseThrow();
		Instant at = later(chosen.nextRequestAt, now);
		if (this.lastPollAt != null) {
			at = later(at, this.lastPollAt.plus(spacing()));
		}
		return new Turn(chosen.token, at);
	}

	/**
	 * Records a poll that GitHub answered (200 or 304), to pace the token.
	 * @param token the token used
	 * @param startedAt when the poll began
	 * @param pollInterval {@code X-Poll-Interval}, or {@code null}
	 * @param rateLimit the budget reported last, or {@code null}
	 * @param requestsCharged how many of the poll's requests cost budget (304s are free)
	 * @return the interval this token now keeps
	 */
	public Duration answered(GitHubToken token, Instant startedAt, Duration pollInterval, RateLimit rateLimit,
			int requestsCharged) {
		TokenState state = stateOf(token);
		this.lastPollAt = startedAt;
		if (pollInterval != null) {
			state.pollInterval = pollInterval;
		}
		if (rateLimit != null) {
			state.rateLimit = rateLimit;
		}
		Duration interval = longest(state.pollInterval, this.minPollInterval);
		if (state.rateLimit != null) {
			interval = longest(interval, budgetInterval(state.rateLimit, startedAt, Math.max(1, requestsCharged)));
		}
		state.interval = interval;
		state.nextRequestAt = startedAt.plus(interval);
		return interval;
	}

	/**
	 * Records a rate limit on a token: it waits {@code retryAfter} when GitHub said so,
	 * else until its budget resets.
	 * @param token the token
	 * @param now the current time
	 * @param rateLimit the budget reported, or {@code null}
	 * @param retryAfter GitHub's {@code retry-after}, or {@code null}
	 * @return when the token may poll again
	 */
	public Instant limited(GitHubToken token, Instant now, RateLimit rateLimit, Duration retryAfter) {
		TokenState state = stateOf(token);
		this.lastPollAt = now;
		if (rateLimit != null) {
			state.rateLimit = rateLimit;
		}
		Instant until;
		if (retryAfter != null) {
			until = now.plus(retryAfter);
		}
		else if (rateLimit != null && rateLimit.isExhausted()) {
			// One second past the reset, as GitHub's clock and ours differ a little.
			until = later(rateLimit.resetAt().plusSeconds(1), now);
		}
		else {
			until = now.plus(longest(state.pollInterval, this.minPollInterval));
		}
		state.nextRequestAt = until;
		return until;
	}

	/**
	 * Drops a token that GitHub refused (401). When none is left, the pool polls
	 * anonymously.
	 * @param token the token
	 * @return the number of tokens still usable
	 */
	public int drop(GitHubToken token) {
		this.tokens.removeIf((state) -> state.token.equals(token));
		if (this.tokens.isEmpty()) {
			this.tokens.add(new TokenState(GitHubToken.ANONYMOUS, this.defaultPollInterval));
		}
		return usableTokens();
	}

	/** How many tokens are usable (0 when polling anonymously). */
	public int usableTokens() {
		return (int) this.tokens.stream().filter((state) -> !state.token.isAnonymous()).count();
	}

	/** The interval the pool keeps between two polls overall. */
	public Duration spacing() {
		Duration shortest = this.tokens.stream()
			.map((state) -> (state.interval != null) ? state.interval
					: longest(state.pollInterval, this.minPollInterval))
			.min(Comparator.naturalOrder())
			.orElse(this.defaultPollInterval);
		return shortest.dividedBy(this.tokens.size());
	}

	private TokenState stateOf(GitHubToken token) {
		return this.tokens.stream()
			.filter((state) -> state.token.equals(token))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown " + token));
	}

	/**
	 * The interval that makes the remaining budget last until the reset, given what one
	 * poll costs.
	 */
	static Duration budgetInterval(RateLimit rateLimit, Instant now, int requestsPerPoll) {
		Duration untilReset = Duration.between(now, rateLimit.resetAt());
		if (untilReset.isNegative() || untilReset.isZero()) {
			return Duration.ZERO;
		}
		if (rateLimit.isExhausted()) {
			return untilReset.plusSeconds(1);
		}
		long pollsLeft = Math.max(1, rateLimit.remaining() / requestsPerPoll);
		return untilReset.dividedBy(pollsLeft);
	}

	private static Instant later(Instant a, Instant b) {
		return (a == null || a.isBefore(b)) ? b : a;
	}

	private static Duration longest(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/**
	 * The token to poll with next, and when.
	 *
	 * @param token the token
	 * @param at the earliest time it may poll
	 */
	public record Turn(GitHubToken token, Instant at) {

	}

	private static final class TokenState {

		private final GitHubToken token;

		private Duration pollInterval;

		private Duration interval;

		private RateLimit rateLimit;

		private Instant nextRequestAt;

		TokenState(GitHubToken token, Duration pollInterval) {
			this.token = token;
			this.pollInterval = pollInterval;
		}

		/** Unknown budgets come first, so every token gets to report its budget. */
		long budgetLeft() {
			return (this.rateLimit != null) ? this.rateLimit.remaining() : Long.MAX_VALUE;
		}

	}

}
