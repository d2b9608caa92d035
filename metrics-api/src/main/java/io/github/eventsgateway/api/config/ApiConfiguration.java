package io.github.eventsgateway.api.config;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's settings and its notion of "now", which tests pin with a {@code @Primary}
 * clock of their own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class ApiConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
