package io.github.eventsgateway.poller.pacing;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	@Test
	void doublesTheWaitWithEachFailureUpToTheCap() {
		Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30), () -> 0.999999);
		assertThat(backoff.afterFailures(1)).isBetween(Duration.ofMillis(1990), Duration.ofSeconds(2));
		assertThat(backoff.afterFailures(2)).isBetween(Duration.ofMillis(3990), Duration.ofSeconds(4));
		assertThat(backoff.afterFailures(4)).isBetween(Duration.ofMillis(15990), Duration.ofSeconds(16));
		assertThat(backoff.afterFailures(5)).isBetween(Duration.ofMillis(29990), Duration.ofSeconds(30));
		assertThat(backoff.afterFailures(500)).isBetween(Duration.ofMillis(29990), Duration.ofSeconds(30));
	}

	@Test
	void jittersBetweenHalfAndAllOfTheWait() {
		assertThat(new Backoff(Duration.ofSeconds(8), Duration.ofMinutes(5), () -> 0.0).afterFailures(1))
			.isEqualTo(Duration.ofSeconds(4));
		assertThat(new Backoff(Duration.ofSeconds(8), Duration.ofMinutes(5), () -> 0.5).afterFailures(1))
			.isEqualTo(Duration.ofSeconds(6));
	}

	@Test
	void waitsAtLeastTheMinimumAfterSecondaryLimitsAndDoublesIt() {
		Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), () -> 0.0);
		Duration minute = Duration.ofMinutes(1);
		assertThat(backoff.afterSecondaryLimits(1, minute)).isEqualTo(minute);
		assertThat(backoff.afterSecondaryLimits(2, minute)).isEqualTo(Duration.ofMinutes(2));
		assertThat(backoff.afterSecondaryLimits(3, minute)).isEqualTo(Duration.ofMinutes(4));
		assertThat(backoff.afterSecondaryLimits(10, minute)).isEqualTo(Duration.ofMinutes(8));
		Backoff jittered = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), () -> 0.999);
		assertThat(jittered.afterSecondaryLimits(1, minute)).isGreaterThan(minute)
			.isLessThanOrEqualTo(Duration.ofSeconds(75));
	}

}
