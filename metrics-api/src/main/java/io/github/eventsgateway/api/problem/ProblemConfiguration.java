package io.github.eventsgateway.api.problem;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * Wires what answers errors where {@link ProblemExceptionHandler} cannot: outside
 * controllers, for answers that would go out empty, and below Spring, in the HTTP server.
 */
@Configuration(proxyBeanMethods = false)
class ProblemConfiguration {

	@Bean
	ProblemWebExceptionHandler problemWebExceptionHandler(ProblemExceptionHandler problems,
			ServerCodecConfigurer codecs) {
		return new ProblemWebExceptionHandler(problems, codecs);
	}

	@Bean
	EmptyErrorBodies emptyErrorBodies() {
		return new EmptyErrorBodies();
	}

	@Bean
	NettyServerCustomizer malformedUriProblems() {
		return new MalformedUriProblems();
	}

	@Bean
	NettyServerCustomizer decodingFailureProblems(JsonMapper json) {
		return new DecodingFailureProblems(json);
	}

}
