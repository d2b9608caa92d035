package io.github.eventsgateway.api.problem;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives a problem body to error answers that would go out empty, such as the actuator's
 * 404 for an unknown health group ({@code /actuator/health/nope}): completing such an
 * answer raises the error it stands for instead, which the problem handlers answer.
 */
final class EmptyErrorBodies implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange.mutate().response(new ProblemOnEmptyError(exchange.getResponse())).build());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private static final class ProblemOnEmptyError extends ServerHttpResponseDecorator {

		ProblemOnEmptyError(ServerHttpResponse response) {
			super(response);
		}

		@Override
		public Mono<Void> setComplete() {
			HttpStatusCode status = getStatusCode();
			if (status != null && status.isError() && getHeaders().getContentType() == null) {
				return Mono.error(new ResponseStatusException(status));
			}
			return super.setComplete();
		}

	}

}
