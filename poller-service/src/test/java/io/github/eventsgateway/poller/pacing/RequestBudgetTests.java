package io.github.eventsgateway.poller.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.eventsgateway.poller.credentials.Credential;
import io.github.eventsgateway.poller.credentials.PersonalToken;
import io.github.eventsgateway.poller.github.PageAnswer;
import io.github.eventsgateway.poller.github.PageAnswer.Outcome;
import io.github.eventsgateway.poller.github.RateLimit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The pool's budget in virtual time: the moments are given, nothing waits.
 */
class RequestBudgetTests {

	private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

	private final List<Credential> tokens = PersonalToken.of(List.of("ghp_a", "ghp_b"));

	@Test
	void spreadsWhatIsLeftOfEachBudgetOverWhatIsLeftOfItsWindow() {
		RequestBudget budget = budget(List.of(this.tokens.get(0)), PacingMode.BUDGET);
		Credential token = budget.take(T0).orElseThrow();
		budget.record(token, answer(Outcome.EVENTS, 200, new RateLimit(5000, 3600, T0.plusSeconds(3600))), T0);
		// 3600 requests over 3600 s: one a second.
		assertThat(budget.rate(T0)).isCloseTo(1.0, offset(0.01));
		assertThat(budget.take(T0.plusMillis(500))).isEmpty();
		assertThat(budget.availableAt(T0.plusMillis(500))).isBetween(T0.plusMillis(900), T0.plusMillis(1100));
		assertThat(budget.take(T0.plusMillis(1100))).contains(token);
	}

	@Test
	void neverSendsARequestAfterTheBudgetIsSpentUntilItResets() {
		RequestBudget budget = budget(List.of(this.tokens.get(0)), PacingMode.BUDGET);
		Credential token = budget.take(T0).orElseThrow();
		Instant reset = T0.plusSeconds(600);
		budget.record(token, answer(Outcome.EVENTS, 200, new RateLimit(5000, 0, reset)), T0);
		for (Instant at = T0; at.isBefore(reset); at = at.plusSeconds(7)) {
			assertThat(budget.take(at)).as("at %s", at).isEmpty();
		}
		assertThat(budget.availableAt(T0)).isAfter(reset);
		assertThat(budget.take(reset.plusSeconds(2))).contains(token);
	}

	@Test
	void pollsAgainWithinAPollIntervalOfTheResetWhateverTheLimit() {
		RequestBudget budget = budget(List.of(this.tokens.get(0)), PacingMode.POLL_INTERVAL);
		Credential token = budget.take(T0).orElseThrow();
		Instant reset = T0.plusSeconds(20);
		budget.record(token, answer(Outcome.PRIMARY_LIMIT, 403, new RateLimit(40, 0, reset)), T0);
		assertThat(budget.take(reset.minusSeconds(1))).as("nothing before the reset").isEmpty();
		// A poll's three pages: a limit of 40 an hour would have taken 90 s to allow
		// them.
		assertThat(budget.allowance(reset.plusSeconds(21))).isEqualTo(3);
	}

	@Test
	void givesA304Back() {
		RequestBudget budget = budget(List.of(this.tokens.get(0)), PacingMode.BUDGET);
		Credential token = budget.take(T0).orElseThrow();
		budget.record(token, answer(Outcome.EVENTS, 200, new RateLimit(5000, 10, T0.plusSeconds(3600))), T0);
		Credential again = budget.take(T0.plusSeconds(720)).orElseThrow();
		budget.record(again, answer(Outcome.NOT_MODIFIED, 304, new RateLimit(5000, 9, T0.plusSeconds(3600))),
				T0.plusSeconds(720));
		assertThat(budget.take(T0.plusSeconds(720))).as("the 304 cost nothing").contains(token);
	}

	@Test
	void sendsNoMoreThanTheCapInAnyMinute() {
		RequestBudget budget = new RequestBudget(List.of(this.tokens.get(0)),
				new PaceSettings(PacingMode.BUDGET, 5, 100, 3, Duration.ofSeconds(60), Duration.ofSeconds(60)),
				backoff());
		Credential token = budget.take(T0).orElseThrow();
		budget.record(token, answer(Outcome.EVENTS, 200, new RateLimit(5000, 4999, T0.plusSeconds(3))), T0);
		int sent = 1;
		for (Instant at = T0; at.isBefore(T0.plusSeconds(60)); at = at.plusMillis(100)) {
			sent += budget.take(at).isPresent() ? 1 : 0;
		}
		assertThat(sent).isEqualTo(5);
	}

	@Test
	void waitsAtLeastAMinuteAfterASecondaryLimitDoublingEachTimeAndForRetryAfter() {
		RequestBudget budget = budget(List.of(this.tokens.get(0)), PacingMode.BUDGET);
		Credential token = budget.take(T0).orElseThrow();
		budget.record(token, answer(Outcome.SECONDARY_LIMIT, 403, new RateLimit(5000, 4000, T0.plusSeconds(3600))), T0);
		assertThat(budget.availableAt(T0)).isAfterOrEqualTo(T0.plusSeconds(60));
		assertThat(budget.isRateLimited(T0.plusSeconds(30))).isTrue();
		Instant second = budget.availableAt(T0);
		budget.record(token, answer(Outcome.SECONDARY_LIMIT, 403, null), second);
		assertThat(budget.availableAt(second)).isAfterOrEqualTo(second.plusSeconds(120));
		PageAnswer retryAfter = new PageAnswer(Outcome.SECONDARY_LIMIT, 429, List.of(), 0, null, null, null,
				Duration.ofMinutes(30), null, null, "GitHub answered 429", T0, T0);
		budget.record(token, retryAfter, second);
		assertThat(budget.availableAt(second)).isAfterOrEqualTo(second.plus(Duration.ofMinutes(30)));
	}

	@Test
	void dropsARefusedTokenAndGoesOnAnonymouslyWhenNoneIsLeft() {
		RequestBudget budget = budget(this.tokens, PacingMode.BUDGET);
		for (Credential token : this.tokens) {
			String change = budget.record(token, answer(Outcome.UNAUTHORIZED, 401, null), T0);
			assertThat(change).contains("GitHub refused " + token + " (401)").doesNotContain("ghp_");
		}
		assertThat(budget.usableCredentials()).isZero();
		assertThat(budget.labels()).containsExactly("anonymous");
	}

	@Test
	void pausesEveryRequestAfterFailuresLongerEachTime() {
		RequestBudget budget = budget(this.tokens, PacingMode.BUDGET);
		Credential token = budget.take(T0).orElseThrow();
		budget.record(token, answer(Outcome.SERVER_ERROR, 502, null), T0);
		assertThat(budget.take(T0.plusMillis(500))).isEmpty();
		assertThat(budget.pausedUntil(T0)).isBetween(T0.plusSeconds(1), T0.plusSeconds(2));
		budget.record(token, answer(Outcome.FAILED, 0, null), T0.plusSeconds(2));
		assertThat(budget.pausedUntil(T0.plusSeconds(2))).isBetween(T0.plusSeconds(4), T0.plusSeconds(6));
	}

	@Test
	void pollIntervalPacingAllowsThePagesOfOnePollPerInterval() {
		RequestBudget budget = budget(List.of(this.tokens.get(0)), PacingMode.POLL_INTERVAL);
		int sent = 0;
		for (Instant at = T0; at.isBefore(T0.plusSeconds(180)); at = at.plusMillis(250)) {
			budget.take(at)
				.ifPresent((token) -> budget.record(token,
						answer(Outcome.EVENTS, 200, new RateLimit(5000, 4000, T0.plusSeconds(3600))), T0));
			sent = budget.states(at).get(0).usedLastMinute();
			assertThat(sent).isLessThanOrEqualTo(6);
		}
		assertThat(sent).isBetween(3, 4);
	}

	private static RequestBudget budget(List<Credential> credentials, PacingMode mode) {
		return new RequestBudget(credentials,
				new PaceSettings(mode, 600, 4, 3, Duration.ofSeconds(60), Duration.ofSeconds(60)), backoff());
	}

	private static Backoff backoff() {
		// No jitter: the waits are exact.
		return new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), () -> 0.999_999);
	}

	private static PageAnswer answer(Outcome outcome, int status, RateLimit rateLimit) {
		return new PageAnswer(outcome, status, List.of(), 0, null, rateLimit, Duration.ofSeconds(60), null, null, null,
				(status >= 400 || status == 0) ? "GitHub answered " + status : null, T0, T0);
	}

}
