package io.github.eventsgateway.api.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.eventsgateway.store.PollerStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StalenessTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");

	private final Staleness staleness = new Staleness(Duration.ofMinutes(3));

	@Test
	void isStaleWhenNoPollEverSucceeded() {
		assertThat(this.staleness.isStale(status(null, Duration.ofSeconds(60)), NOW)).isTrue();
	}

	@Test
	void isFreshWithinThreePollIntervals() {
		assertThat(this.staleness.isStale(status(NOW.minusSeconds(170), Duration.ofSeconds(60)), NOW)).isFalse();
		assertThat(this.staleness.isStale(status(NOW.minusSeconds(290), Duration.ofSeconds(100)), NOW)).isFalse();
	}

	@Test
	void isStaleAfterThreePollIntervals() {
		assertThat(this.staleness.isStale(status(NOW.minusSeconds(301), Duration.ofSeconds(100)), NOW)).isTrue();
	}

	@Test
	void neverCountsStaleSoonerThanTheMinimum() {
		assertThat(this.staleness.isStale(status(NOW.minusSeconds(170), Duration.ofSeconds(1)), NOW)).isFalse();
		assertThat(this.staleness.isStale(status(NOW.minusSeconds(170), null), NOW)).isFalse();
		assertThat(this.staleness.isStale(status(NOW.minusSeconds(181), null), NOW)).isTrue();
	}

	private static PollerStatus status(Instant lastSuccessAt, Duration pollInterval) {
		return new PollerStatus("p", "p", "POLLING", lastSuccessAt, "200", lastSuccessAt, "github", "budget",
				pollInterval, List.of(), List.of(), null, null, 1L, 0L, 0L, null, 0L, null, null);
	}

}
