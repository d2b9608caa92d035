package io.github.eventsgateway.api.connections;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * Applies the {@code Forwarded} and {@code X-Forwarded-*} headers that nginx sets (and
 * overwrites, whatever the client sent) to the requests whose answers can carry links
 * built from the request's address: the API description's {@code servers}, Swagger UI's
 * redirects. Requests to the JSON API ({@code /api/...}) are left as they came: their
 * answers carry no such link (a problem's {@code instance} is a path), and nothing there
 * reads the headers.
 * <p>
 * Why not everywhere: applying them copies the headers and rebuilds and re-parses the
 * request's URI, which cost a hot answer about a seventh of its CPU (docs/benchmarks.md,
 * scale-out).
 */
final class ForwardedHeadersForLinks extends ForwardedHeaderTransformer {

	private static final String API = "/api/";

	@Override
	public ServerHttpRequest apply(ServerHttpRequest request) {
		if (request.getPath().pathWithinApplication().value().startsWith(API)) {
			return request;
		}
		return super.apply(request);
	}

}
