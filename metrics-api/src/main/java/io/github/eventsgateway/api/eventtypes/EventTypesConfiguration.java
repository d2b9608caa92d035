package io.github.eventsgateway.api.eventtypes;

import io.github.eventsgateway.store.EventReader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the resolution of requested event type names.
 */
@Configuration(proxyBeanMethods = false)
class EventTypesConfiguration {

	@Bean
	EventTypeResolver eventTypeResolver(EventReader reader) {
		return new EventTypeResolver(reader);
	}

}
