package io.github.eventsgateway.poller.polling;

import java.time.Duration;
import java.time.Instant;

import io.github.eventsgateway.poller.github.GitHubToken;
import io.github.eventsgateway.poller.pacing.Backoff;
import io.github.eventsgateway.poller.pacing.TokenPool;

/**
 * Decides when to poll next and with which token, from how the last polls ended: the
 * tokens' own pace while GitHub answers, a wait until the reset or for
 * {@code retry-after} when a token is rate limited, at least a minute (doubling) after a
 * secondary limit, and capped exponential backoff with jitter after failures. Not thread
 * safe: the polling loop is its only user.
 */
public final class PollPlanner {

	private final TokenPool tokens;

	private final Backoff backoff;

	private final Duration secondaryLimitWait;

	private int failures;

	private int secondaryLimits;

	private Instant notBefore = Instant.EPOCH;

	public PollPlanner(TokenPool tokens, Backoff backoff, Duration secondaryLimitWait) {
		this.tokens = tokens;
		this.backoff = backoff;
		this.secondaryLimitWait = secondaryLimitWait;
	}

	/**
	 * The next poll.
	 * @param now the current time
	 * @return the token and the earliest time to poll with it
	 */
	public TokenPool.Turn next(Instant now) {
		TokenPool.Turn turn = this.tokens.next(now);
		return turn.at().isBefore(this.notBefore) ? new TokenPool.Turn(turn.token(), this.notBefore) : turn;
	}

	/**
	 * Learns from a poll.
	 * @param result how it ended
	 * @param now the current time
	 * @return what the poller does now
	 */
	public Decision after(PollResult result, Instant now) {
		GitHubToken token = result.token();
		return switch (result.kind()) {
			case SUCCESS, NOT_MODIFIED -> {
				this.failures = 0;
				this.secondaryLimits = 0;
				this.notBefore = Instant.EPOCH;
				Duration interval = this.tokens.answered(token, result.startedAt(), result.pollInterval(),
						result.rateLimit(), result.requestsCharged());
				yield new Decision(State.POLLING, interval, null);
			}
			case RATE_LIMITED -> {
				Instant until = this.tokens.limited(token, now, result.rateLimit(), result.retryAfter());
				if (result.retryAfter() != null) {
					// GitHub asked this client to wait: no token polls before then.
					this.notBefore = until;
				}
				yield new Decision(State.RATE_LIMITED, Duration.between(now, until), until);
			}
			case SECONDARY_LIMIT -> {
				this.secondaryLimits++;
				Duration wait = this.backoff.afterSecondaryLimits(this.secondaryLimits, this.secondaryLimitWait);
				this.notBefore = now.plus(wait);
				yield new Decision(State.RATE_LIMITED, wait, this.notBefore);
			}
			case UNAUTHORIZED -> {
				this.tokens.drop(token);
				yield new Decision(State.POLLING, this.tokens.spacing(), null);
			}
			default -> {
				this.failures++;
				Duration wait = this.backoff.afterFailures(this.failures);
				this.notBefore = now.plus(wait);
				yield new Decision(State.BACKING_OFF, wait, this.notBefore);
			}
		};
	}

	/** How many tokens are usable (0 when polling anonymously). */
	public int usableTokens() {
		return this.tokens.usableTokens();
	}

	/** What the poller is doing, as the status shows it. */
	public enum State {

		/** Polling at the pace GitHub allows. */
		POLLING,

		/** Waiting for a rate limit to pass. */
		RATE_LIMITED,

		/** Waiting after failures, longer each time. */
		BACKING_OFF,

		/** Another instance holds the lease. */
		STANDBY

	}

	/**
	 * What the poller does after a poll.
	 *
	 * @param state its state now
	 * @param delay how long it waits before the next poll with the same token (or at all,
	 * when it is rate limited or backing off)
	 * @param until when a rate limit or backoff ends, or {@code null} while polling
	 */
	public record Decision(State state, Duration delay, Instant until) {

	}

}
