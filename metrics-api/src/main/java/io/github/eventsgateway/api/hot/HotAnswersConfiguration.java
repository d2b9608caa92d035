package io.github.eventsgateway.api.hot;

import io.github.eventsgateway.api.hot.VersionWatch.Ticker;
import io.github.eventsgateway.store.StoreVersion;
import io.github.eventsgateway.store.autoconfigure.EventStoreProperties;
import io.lettuce.core.event.connection.DisconnectedEvent;
import io.lettuce.core.resource.ClientResources;
import reactor.core.Disposable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hot answers: each replica keeps the answers it computed while the store's version
 * stands still ({@code docs/architecture.md}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HotAnswersProperties.class)
class HotAnswersConfiguration {

	@Bean
	VersionWatch versionWatch(StoreVersion storeVersion, HotAnswersProperties properties, EventStoreProperties store) {
		return new VersionWatch(storeVersion, properties.confirmInterval(),
				properties.confirmationLifetime(store.commandTimeout()), Ticker.SYSTEM, properties.enabled());
	}

	@Bean
	HotCaches hotCaches(VersionWatch watch, HotAnswersProperties properties) {
		return new HotCaches(watch, properties.maxEntries());
	}

	@Bean
	JsonBodies jsonBodies(JsonMapper mapper) {
		return new JsonBodies(mapper);
	}

	/** A lost connection is a doubt: what happened meanwhile is not known. */
	@Bean
	ConnectionLossListener hotAnswersConnectionLossListener(ClientResources resources, VersionWatch watch) {
		return new ConnectionLossListener(resources.eventBus()
			.get()
			.filter(DisconnectedEvent.class::isInstance)
			.subscribe((event) -> watch.doubt("a connection to Redis was lost")));
	}

	/** Stops listening when the application stops. */
	record ConnectionLossListener(Disposable subscription) implements DisposableBean {

		@Override
		public void destroy() {
			this.subscription.dispose();
		}

	}

}
