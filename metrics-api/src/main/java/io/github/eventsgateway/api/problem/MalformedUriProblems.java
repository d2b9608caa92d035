package io.github.eventsgateway.api.problem;

import java.nio.charset.StandardCharsets;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.MediaType;

/**
 * Gives a problem+json body to the one 400 that never reaches Spring's exception
 * handlers: a request line whose URI does not parse (such as {@code ?offset=%zz}), which
 * Spring's Netty adapter answers with an empty body.
 */
final class MalformedUriProblems implements NettyServerCustomizer {

	private static final byte[] BODY = ("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"The request URI is malformed: percent-encode every character outside [A-Za-z0-9-._~]"
			+ " in the path and query (a '%' must be followed by two hex digits).\",\"instance\":\"/\"}")
		.getBytes(StandardCharsets.UTF_8);

	@Override
	public HttpServer apply(HttpServer server) {
		return server.mapHandle(MalformedUriProblems::withProblemBody);
	}

	private static Mono<Void> withProblemBody(Mono<Void> handling, Connection connection) {
		if (!(connection instanceof HttpServerResponse response)) {
			return handling;
		}
		return handling.then(Mono.defer(() -> {
			if (response.hasSentHeaders() || !HttpResponseStatus.BAD_REQUEST.equals(response.status())) {
				return Mono.empty();
			}
			return response.header(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
				.sendByteArray(Mono.just(BODY))
				.then();
		}));
	}

}
