package io.github.eventsgateway.poller.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.eventsgateway.poller.github.GitHubToken;
import io.github.eventsgateway.poller.github.RateLimit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenPoolTests {

	private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

	private static final Duration MINUTE = Duration.ofSeconds(60);

	private final List<GitHubToken> tokens = GitHubToken.of(List.of("secret-a", "secret-b"));

	@Test
	void pollsAnonymouslyWithoutTokens() {
		TokenPool pool = new TokenPool(List.of(), MINUTE, Duration.ofSeconds(1));
		assertThat(pool.next(T0)).isEqualTo(new TokenPool.Turn(GitHubToken.ANONYMOUS, T0));
		assertThat(pool.usableTokens()).isZero();
	}

	@Test
	void neverPollsFasterThanTheGivenPollInterval() {
		TokenPool pool = new TokenPool(this.tokens.subList(0, 1), Duration.ofSeconds(5), Duration.ofSeconds(1));
		pool.answered(this.tokens.get(0), T0, Duration.ofSeconds(60), budget(4999, 5000, T0.plusSeconds(3600)), 1);
		assertThat(pool.next(T0.plusSeconds(1)).at()).isEqualTo(T0.plusSeconds(60));
	}

	@Test
	void slowsDownWhenTheBudgetWouldNotLastUntilTheReset() {
		TokenPool pool = new TokenPool(this.tokens.subList(0, 1), MINUTE, Duration.ofSeconds(1));
		// 30 requests left for an hour, 3 a poll: 10 polls, one every 6 minutes.
		Duration interval = pool.answered(this.tokens.get(0), T0, MINUTE, budget(30, 60, T0.plusSeconds(3600)), 3);
		assertThat(interval).isEqualTo(Duration.ofMinutes(6));
		assertThat(pool.next(T0).at()).isEqualTo(T0.plus(Duration.ofMinutes(6)));
	}

	@Test
	void waitsForTheResetWhenTheBudgetIsUsedUp() {
		TokenPool pool = new TokenPool(this.tokens.subList(0, 1), MINUTE, Duration.ofSeconds(1));
		Instant until = pool.limited(this.tokens.get(0), T0, budget(0, 5000, T0.plusSeconds(600)), null);
		assertThat(until).isEqualTo(T0.plusSeconds(601));
		assertThat(pool.next(T0.plusSeconds(5)).at()).isEqualTo(T0.plusSeconds(601));
	}

	@Test
	void waitsAsLongAsRetryAfterSays() {
		TokenPool pool = new TokenPool(this.tokens.subList(0, 1), MINUTE, Duration.ofSeconds(1));
		assertThat(pool.limited(this.tokens.get(0), T0, null, Duration.ofSeconds(42))).isEqualTo(T0.plusSeconds(42));
	}

	@Test
	void picksTheTokenWithTheMostBudgetLeft() {
		TokenPool pool = new TokenPool(this.tokens, Duration.ofSeconds(2), Duration.ofSeconds(1));
		pool.answered(this.tokens.get(0), T0, Duration.ofSeconds(2), budget(100, 5000, T0.plusSeconds(3600)), 1);
		pool.answered(this.tokens.get(1), T0, Duration.ofSeconds(2), budget(4000, 5000, T0.plusSeconds(3600)), 1);
		assertThat(pool.next(T0.plusSeconds(60)).token()).isEqualTo(this.tokens.get(1));
	}

	@Test
	void staggersTokensSoThatEachKeepsItsInterval() {
		TokenPool pool = new TokenPool(this.tokens, MINUTE, Duration.ofSeconds(1));
		TokenPool.Turn first = pool.next(T0);
		pool.answered(first.token(), first.at(), MINUTE, budget(4000, 5000, T0.plusSeconds(3600)), 1);
		TokenPool.Turn second = pool.next(T0);
		assertThat(second.token()).isNotEqualTo(first.token());
		assertThat(second.at()).isEqualTo(T0.plusSeconds(30));
		pool.answered(second.token(), second.at(), MINUTE, budget(4000, 5000, T0.plusSeconds(3600)), 1);
		TokenPool.Turn third = pool.next(second.at());
		assertThat(third.token()).isEqualTo(first.token());
		assertThat(third.at()).isEqualTo(T0.plusSeconds(60));
	}

	@Test
	void dropsARefusedTokenAndFallsBackToAnonymousWhenNoneIsLeft() {
		TokenPool pool = new TokenPool(this.tokens, MINUTE, Duration.ofSeconds(1));
		assertThat(pool.drop(this.tokens.get(0))).isEqualTo(1);
		assertThat(pool.next(T0).token()).isEqualTo(this.tokens.get(1));
		assertThat(pool.drop(this.tokens.get(1))).isZero();
		assertThat(pool.next(T0).token()).isEqualTo(GitHubToken.ANONYMOUS);
	}

	@Test
	void neverShowsTheTokenValue() {
		assertThat(this.tokens.get(0).toString()).isEqualTo("token 1 of 2").doesNotContain("secret");
	}

	private static RateLimit budget(long remaining, long limit, Instant resetAt) {
		return new RateLimit(limit, remaining, resetAt);
	}

}
