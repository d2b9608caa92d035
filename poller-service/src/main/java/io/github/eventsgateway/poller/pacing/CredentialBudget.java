package io.github.eventsgateway.poller.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import io.github.eventsgateway.poller.credentials.Credential;
import io.github.eventsgateway.poller.github.RateLimit;
import io.github.eventsgateway.store.CredentialState;

/**
 * One credential's budget and pace: a bucket of allowance refilled at the pace the
 * setting asks for (the budget left spread over the time left, or the pages per poll
 * interval), the requests of the last minute for the secondary limit, and when it is
 * blocked after a refusal. Not thread safe: the capture loop is its only user.
 */
final class CredentialBudget {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final Credential credential;

	private final PaceSettings settings;

	private final Deque<Instant> sentLastMinute = new ArrayDeque<>();

	private RateLimit rateLimit;

	private Duration pollInterval;

	private double allowance;

	private Instant allowanceAt;

	private Instant blockedUntil;

	private String blockedBecause;

	private int refusals;

	CredentialBudget(Credential credential, PaceSettings settings) {
		this.credential = credential;
		this.settings = settings;
		this.pollInterval = settings.defaultPollInterval();
		// Budget pacing: one request to learn the budget; poll-interval: the first poll.
		this.allowance = (settings.mode() == PacingMode.POLL_INTERVAL) ? settings.pages() : 1;
	}

	Credential credential() {
		return this.credential;
	}

	/** The requests a second this credential may send at its pace. */
	double rate(Instant now) {
		double budget = budgetRate(now);
		if (this.settings.mode() == PacingMode.POLL_INTERVAL) {
			double perInterval = this.settings.pages() / (double) Math.max(1, this.pollInterval.toSeconds());
			return Math.min(perInterval, budget);
		}
		return budget;
	}

	/** The allowance now, after refilling since it was last looked at. */
	double allowance(Instant now) {
		refill(now);
		return this.allowance;
	}

	/** Whether a request may go now. */
	boolean isAvailable(Instant now) {
		return !availableAt(now).isAfter(now);
	}

	/** The earliest moment a request may go. */
	Instant availableAt(Instant now) {
		Instant at = now;
		if (this.blockedUntil != null && this.blockedUntil.isAfter(at)) {
			at = this.blockedUntil;
		}
		forgetOlderThanAMinute(now);
		if (this.sentLastMinute.size() >= this.settings.maxRequestsPerMinute()) {
			at = later(at, this.sentLastMinute.peekFirst().plus(MINUTE));
		}
		if (this.rateLimit != null && remaining(now) <= 0) {
			// Spent: not one request before the reset (a second after, for clock skew).
			at = later(at, this.rateLimit.resetAt().plusSeconds(1));
		}
		double missing = 1 - allowance(now);
		if (missing > 0) {
			double rate = rate(now);
			Instant refilled = (rate > 0) ? now.plusNanos((long) Math.ceil(missing / rate * 1e9)) : Instant.MAX;
			at = later(at, refilled);
		}
		return at;
	}

	void take(Instant now) {
		refill(now);
		this.allowance -= 1;
		this.sentLastMinute.addLast(now);
		if (this.rateLimit != null) {
			// Counted at once, so that the pace never relies on an answer still to come.
			this.rateLimit = new RateLimit(this.rateLimit.limit(), remaining(now) - 1, this.rateLimit.resetAt());
		}
	}

	/** A 304: GitHub did not charge the request. */
	void refund(Instant now) {
		refill(now);
		this.allowance = Math.min(capacity(), this.allowance + 1);
		if (this.rateLimit != null) {
			this.rateLimit = new RateLimit(this.rateLimit.limit(), remaining(now) + 1, this.rateLimit.resetAt());
		}
	}

	void learn(RateLimit rateLimit, Duration pollInterval, Instant now) {
		refill(now);
		if (rateLimit != null) {
			this.rateLimit = rateLimit;
		}
		if (pollInterval != null && !pollInterval.isZero()) {
			this.pollInterval = pollInterval;
		}
	}

	/** GitHub answered: its refusals are over. */
	void succeeded() {
		this.refusals = 0;
		this.blockedBecause = null;
	}

	/**
	 * Counts a refusal of GitHub's (a limit, a failure to get a token).
	 * @return the consecutive refusals so far, this one included
	 */
	int refused() {
		return ++this.refusals;
	}

	/**
	 * Blocks the credential.
	 * @param until when it may be used again
	 * @param because why, one line
	 */
	void block(Instant until, String because) {
		this.blockedUntil = (this.blockedUntil != null) ? later(this.blockedUntil, until) : until;
		this.blockedBecause = because;
	}

	boolean isBlocked(Instant now) {
		return this.blockedUntil != null && this.blockedUntil.isAfter(now);
	}

	/** Whether its primary budget is spent until the reset. */
	boolean isSpent(Instant now) {
		return this.rateLimit != null && remaining(now) <= 0;
	}

	CredentialState state(Instant now) {
		forgetOlderThanAMinute(now);
		boolean blocked = isBlocked(now);
		return new CredentialState(this.credential.label(), this.credential.kind().displayName(),
				(this.rateLimit != null) ? remaining(now) : null,
				(this.rateLimit != null) ? this.rateLimit.limit() : null,
				(this.rateLimit != null) ? this.rateLimit.resetAt() : null, this.sentLastMinute.size(),
				blocked ? this.blockedUntil : null, blocked ? this.blockedBecause : null);
	}

	Duration pollInterval() {
		return this.pollInterval;
	}

	/**
	 * The budget left: once the window has reset, the whole limit until GitHub says
	 * otherwise.
	 */
	private long remaining(Instant now) {
		return now.isBefore(this.rateLimit.resetAt()) ? this.rateLimit.remaining() : this.rateLimit.limit();
	}

	/**
	 * What is left of the budget spread over what is left of its window. Without
	 * {@code x-ratelimit-*} headers (a GitHub Enterprise server with rate limits off),
	 * only the per-minute cap paces; so too once the window has reset, until the next
	 * answer tells the new window's budget: spreading the last limit over a guessed hour
	 * would hold back the first requests of the new window for nothing.
	 */
	private double budgetRate(Instant now) {
		if (this.rateLimit == null || !now.isBefore(this.rateLimit.resetAt())) {
			return this.settings.maxRequestsPerMinute() / 60.0;
		}
		double seconds = Math.max(1, Duration.between(now, this.rateLimit.resetAt()).toMillis() / 1000.0);
		return Math.max(0, remaining(now)) / seconds;
	}

	private double capacity() {
		return (this.settings.mode() == PacingMode.POLL_INTERVAL) ? this.settings.pages() : this.settings.burst();
	}

	private void refill(Instant now) {
		if (this.allowanceAt != null && now.isAfter(this.allowanceAt)) {
			double seconds = Duration.between(this.allowanceAt, now).toNanos() / 1e9;
			this.allowance = Math.min(capacity(), this.allowance + rate(now) * seconds);
		}
		if (this.allowanceAt == null || now.isAfter(this.allowanceAt)) {
			this.allowanceAt = now;
		}
	}

	private void forgetOlderThanAMinute(Instant now) {
		Instant minuteAgo = now.minus(MINUTE);
		while (!this.sentLastMinute.isEmpty() && !this.sentLastMinute.peekFirst().isAfter(minuteAgo)) {
			this.sentLastMinute.removeFirst();
		}
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	@Override
	public String toString() {
		return this.credential.label();
	}

}
