package io.github.eventsgateway.api.problem;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Answers the failures that never reach a controller, such as those of a filter, with the
 * same problems as {@link ProblemExceptionHandler}, written by the same codecs. Ordered
 * before Boot's error handler, so that no request ever sees its JSON or whitelabel page.
 */
final class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

	private final ProblemExceptionHandler problems;

	private final ServerResponse.Context codecs;

	ProblemWebExceptionHandler(ProblemExceptionHandler problems, ServerCodecConfigurer codecs) {
		this.problems = problems;
		this.codecs = new ServerResponse.Context() {

			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return codecs.getWriters();
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}

		};
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted() || !(ex instanceof Exception exception)) {
			return Mono.error(ex);
		}
		return this.problems.toResponse(exception, exchange).flatMap((answer) -> write(answer, exchange));
	}

	private Mono<Void> write(ResponseEntity<Object> answer, ServerWebExchange exchange) {
		ServerResponse.BodyBuilder response = ServerResponse.status(answer.getStatusCode())
			.headers((headers) -> headers.addAll(answer.getHeaders()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		Mono<ServerResponse> written = (answer.getBody() != null) ? response.bodyValue(answer.getBody())
				: response.build();
		return written.flatMap((serverResponse) -> serverResponse.writeTo(exchange, this.codecs));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
