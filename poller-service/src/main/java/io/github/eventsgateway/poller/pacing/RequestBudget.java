package io.github.eventsgateway.poller.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.github.eventsgateway.poller.credentials.Anonymous;
import io.github.eventsgateway.poller.credentials.Credential;
import io.github.eventsgateway.poller.github.PageAnswer;
import io.github.eventsgateway.store.CredentialState;

/**
 * The request budget of the whole credential pool: who may send the next request, and
 * when. It never grants a request that a credential's pace, its per-minute cap or a
 * refusal forbids; it learns each credential's budget from GitHub's answers, blocks a
 * credential after a rate limit (until the reset, for {@code retry-after}, or at least a
 * minute and doubling after a secondary limit), drops a refused token, and pauses every
 * request after failures, with capped exponential backoff. Not thread safe: the capture
 * loop is its only user.
 */
public final class RequestBudget {

	private final List<CredentialBudget> credentials = new ArrayList<>();

	private final PaceSettings settings;

	private final Backoff backoff;

	private int failures;

	private Instant pausedUntil = Instant.EPOCH;

	private String pausedBecause;

	/**
	 * Creates the pool.
	 * @param credentials the credentials; none means anonymous
	 * @param settings how requests are paced
	 * @param backoff the waits after failures and secondary limits
	 */
	public RequestBudget(List<Credential> credentials, PaceSettings settings, Backoff backoff) {
		this.settings = settings;
		this.backoff = backoff;
		(credentials.isEmpty() ? List.<Credential>of(Anonymous.INSTANCE) : credentials)
			.forEach((credential) -> this.credentials.add(new CredentialBudget(credential, settings)));
	}

	/**
	 * Takes one request's worth of budget, from the credential with the most allowance.
	 * @param now the current time
	 * @return the credential to send it with, or empty when none may send now
	 */
	public Optional<Credential> take(Instant now) {
		if (now.isBefore(this.pausedUntil)) {
			return Optional.empty();
		}
		Optional<CredentialBudget> chosen = this.credentials.stream()
			.filter((budget) -> budget.isAvailable(now))
			.max(Comparator.comparingDouble((CredentialBudget budget) -> budget.allowance(now)));
		chosen.ifPresent((budget) -> budget.take(now));
		return chosen.map(CredentialBudget::credential);
	}

	/**
	 * The earliest moment some credential may send a request.
	 * @param now the current time
	 * @return that moment (now, or later)
	 */
	public Instant availableAt(Instant now) {
		Instant earliest = this.credentials.stream()
			.map((budget) -> budget.availableAt(now))
			.min(Comparator.naturalOrder())
			.orElse(Instant.MAX);
		return earliest.isBefore(this.pausedUntil) ? this.pausedUntil : earliest;
	}

	/**
	 * The requests the pool could send now, one after the other: each credential's whole
	 * requests of allowance, for those not blocked.
	 * @param now the current time
	 * @return the allowance
	 */
	public double allowance(Instant now) {
		if (now.isBefore(this.pausedUntil)) {
			return 0;
		}
		return this.credentials.stream()
			.filter((budget) -> !budget.isBlocked(now) && !budget.isSpent(now))
			.mapToDouble((budget) -> Math.floor(Math.max(0, budget.allowance(now))))
			.sum();
	}

	/**
	 * The requests a second the pool may send at its pace, in sum.
	 * @param now the current time
	 * @return the rate
	 */
	public double rate(Instant now) {
		return this.credentials.stream()
			.filter((budget) -> !budget.isBlocked(now))
			.mapToDouble((budget) -> Math.min(budget.rate(now), this.settings.maxRequestsPerMinute() / 60.0))
			.sum();
	}

	/**
	 * Learns from GitHub's answer to a request sent with a credential.
	 * @param credential the credential
	 * @param answer the answer
	 * @param now the current time
	 * @return what changed, to log (never a secret), or {@code null} when nothing did
	 */
	public String record(Credential credential, PageAnswer answer, Instant now) {
		CredentialBudget budget = budgetOf(credential);
		if (budget == null) {
			return null;
		}
		budget.learn(answer.rateLimit(), answer.pollInterval(), now);
		return switch (answer.outcome()) {
			case EVENTS, NO_SUCH_PAGE -> succeeded(budget);
			case NOT_MODIFIED -> {
				budget.refund(now);
				yield succeeded(budget);
			}
			case PRIMARY_LIMIT -> {
				Instant until = (answer.retryAfter() != null) ? now.plus(answer.retryAfter())
						: answer.rateLimit().resetAt().plusSeconds(1);
				budget.refused();
				budget.block(until, "rate limit used up (" + answer.status() + ")");
				yield "Rate limit of " + credential + " used up (" + answer.status() + "); waiting until " + until;
			}
			case SECONDARY_LIMIT -> {
				int limits = budget.refused();
				Duration wait = this.backoff.afterSecondaryLimits(limits, this.settings.secondaryLimitWait());
				if (answer.retryAfter() != null && answer.retryAfter().compareTo(wait) > 0) {
					wait = answer.retryAfter();
				}
				budget.block(now.plus(wait), "secondary rate limit (" + answer.status() + ")");
				yield "Secondary rate limit on " + credential + " (" + answer.status() + "); waiting "
						+ wait.toSeconds() + " s";
			}
			case UNAUTHORIZED -> unauthorized(budget, now);
			default -> failed(answer.problem(), now);
		};
	}

	/**
	 * A credential could not be used at all (an App whose token GitHub would not give):
	 * it waits, longer each time, while the others go on.
	 * @param credential the credential
	 * @param problem one line on why, never a secret
	 * @param now the current time
	 * @return what to log
	 */
	public String unusable(Credential credential, String problem, Instant now) {
		CredentialBudget budget = budgetOf(credential);
		if (budget == null) {
			return null;
		}
		Duration wait = this.backoff.afterFailures(budget.refused());
		budget.block(now.plus(wait), problem);
		return credential + " cannot be used (" + problem + "); trying it again in " + wait.toSeconds() + " s";
	}

	/** Why no request may go now, or {@code null} when one may (for the status). */
	public String pausedBecause(Instant now) {
		return now.isBefore(this.pausedUntil) ? this.pausedBecause : null;
	}

	/** When requests resume after failures, or {@code null} when they are not paused. */
	public Instant pausedUntil(Instant now) {
		return now.isBefore(this.pausedUntil) ? this.pausedUntil : null;
	}

	/** Whether every credential is waiting for a rate limit to pass. */
	public boolean isRateLimited(Instant now) {
		return this.credentials.stream().allMatch((budget) -> budget.isBlocked(now) || budget.isSpent(now));
	}

	/** How many credentials are usable (0 when polling anonymously). */
	public int usableCredentials() {
		return (int) this.credentials.stream()
			.filter((budget) -> budget.credential().kind() != Credential.Kind.ANONYMOUS)
			.count();
	}

	/** How the credentials are named in logs and the status. */
	public List<String> labels() {
		return this.credentials.stream().map((budget) -> budget.credential().label()).toList();
	}

	/** GitHub's {@code X-Poll-Interval}, as the credential used last was told. */
	public Duration pollInterval() {
		return this.credentials.get(0).pollInterval();
	}

	/** The budgets, as the status shows them. */
	public List<CredentialState> states(Instant now) {
		return this.credentials.stream().map((budget) -> budget.state(now)).toList();
	}

	private String succeeded(CredentialBudget budget) {
		budget.succeeded();
		this.failures = 0;
		this.pausedBecause = null;
		return null;
	}

	private String unauthorized(CredentialBudget budget, Instant now) {
		Credential credential = budget.credential();
		if (credential.kind() == Credential.Kind.ANONYMOUS) {
			// No token to drop: retrying at once would hammer GitHub.
			return failed("GitHub requires a token (401); set GITHUB_TOKENS or a GitHub App", now);
		}
		if (credential.refused()) {
			budget.block(now.plus(this.backoff.afterFailures(1)), "refused (401); getting a new token");
			return "GitHub refused the token of " + credential + " (401); getting a new one";
		}
		this.credentials.remove(budget);
		if (this.credentials.isEmpty()) {
			this.credentials.add(new CredentialBudget(Anonymous.INSTANCE, this.settings));
		}
		return "GitHub refused " + credential + " (401); dropped it, " + usableCredentials() + " usable left"
				+ ((usableCredentials() == 0) ? "; polling anonymously" : "");
	}

	private String failed(String problem, Instant now) {
		this.failures++;
		Duration wait = this.backoff.afterFailures(this.failures);
		this.pausedUntil = now.plus(wait);
		this.pausedBecause = problem;
		return null;
	}

	private CredentialBudget budgetOf(Credential credential) {
		return this.credentials.stream().filter((budget) -> budget.credential() == credential).findFirst().orElse(null);
	}

}
