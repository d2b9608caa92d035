package io.github.eventsgateway.api.problem;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires what answers errors below Spring's exception handlers.
 */
@Configuration(proxyBeanMethods = false)
class ProblemConfiguration {

	@Bean
	NettyServerCustomizer malformedUriProblems() {
		return new MalformedUriProblems();
	}

}
