package io.github.eventsgateway.api.status;

import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.store.PollerStatusStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PollerStatusConfiguration {

	@Bean
	PollerStatusAnswers pollerStatusAnswers(PollerStatusStore statusStore, HotCaches caches) {
		return new PollerStatusAnswers(statusStore, caches);
	}

}
