package io.github.eventsgateway.api.capture;

import java.time.Clock;

import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.api.status.PollerStatusAnswers;
import io.github.eventsgateway.store.EventReader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The completeness every count and timeline answer carries.
 */
@Configuration(proxyBeanMethods = false)
class CaptureConfiguration {

	@Bean
	CaptureAnswers captureAnswers(EventReader reader, PollerStatusAnswers statuses, Clock clock, HotCaches caches) {
		return new CaptureAnswers(reader, statuses, clock, caches);
	}

}
