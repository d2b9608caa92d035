package io.github.eventsgateway.api;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Pins the API's "now" to just after the newest fixture event. Deliberately not a
 * {@code @Configuration}: component scanning must not find it, tests name it.
 */
class FixtureClock {

	/** 30 seconds after the newest fixture event (2025-01-01T15:00:38Z). */
	static final Instant NOW = Instant.parse("2025-01-01T15:01:08Z");

	@Bean
	@Primary
	Clock pinnedClock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

}
