package io.github.eventsgateway.api.madepublic;

import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.store.EventReader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MadePublicConfiguration {

	@Bean
	MadePublicAnswers madePublicAnswers(EventReader reader, HotCaches caches) {
		return new MadePublicAnswers(reader, caches);
	}

}
