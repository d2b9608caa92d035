package io.github.eventsgateway.api;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.autoconfigure.EventStoreProperties;

import org.springframework.context.annotation.Bean;

/**
 * What the API's controllers need besides the store, for {@code @WebFluxTest} slices: a
 * clock pinned to {@link FixtureClock#NOW}, the store's settings with the default
 * retention (7 days, 10,080 minutes) and hot answers that keep nothing. Deliberately not
 * a {@code @Configuration}: slices import it.
 */
public class SliceBeans {

	@Bean
	Clock clock() {
		return Clock.fixed(FixtureClock.NOW, ZoneOffset.UTC);
	}

	@Bean
	EventStoreProperties eventStoreProperties() {
		return new EventStoreProperties(EventStoreKeys.DEFAULT_NAMESPACE, Duration.ofDays(7), Duration.ofSeconds(1),
				Duration.ofMillis(500), Duration.ofSeconds(1));
	}

	@Bean
	HotCaches hotCaches() {
		return HotCaches.keepingNothing();
	}

}
