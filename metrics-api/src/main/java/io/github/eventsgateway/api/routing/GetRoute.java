package io.github.eventsgateway.api.routing;

import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;

/**
 * A functional route for a read-only endpoint that answers as an annotated
 * {@code @GetMapping(produces = ...)} would: {@code GET} and {@code HEAD} with an
 * {@code Accept} that the answer's media type satisfies (or none) reach the handler, any
 * other method is refused with 405 and any other {@code Accept} (or one that does not
 * parse) with 406, both as problems.
 * <p>
 * Why functional: the busiest endpoints answer from memory, and an annotated controller's
 * per-request work (mapping lookup, argument conversion, return value handling) was a
 * fifth of such an answer's CPU (docs/benchmarks.md, scale-out).
 */
public final class GetRoute {

	private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

	private static final RequestPredicate READ = RequestPredicates.methods(READS.toArray(HttpMethod[]::new));

	private GetRoute() {
	}

	/**
	 * The route of one path whose answers are JSON.
	 * @param path the path pattern
	 * @param handler answers the reads
	 * @return the route
	 */
	public static RouterFunction<ServerResponse> json(String path, HandlerFunction<ServerResponse> handler) {
		return of(path, MediaType.APPLICATION_JSON, handler);
	}

	/**
	 * The route of one path.
	 * @param path the path pattern
	 * @param produces the media type of its answers
	 * @param handler answers the reads
	 * @return the route
	 */
	public static RouterFunction<ServerResponse> of(String path, MediaType produces,
			HandlerFunction<ServerResponse> handler) {
		RequestPredicate at = RequestPredicates.path(path);
		RequestPredicate read = at.and(READ);
		return RouterFunctions.route(read.and(accepting(produces)), handler)
			.andRoute(read, (request) -> Mono.error(new NotAcceptableStatusException(List.of(produces))))
			.andRoute(at, (request) -> Mono.error(new MethodNotAllowedException(request.method(), READS)));
	}

	/**
	 * Whether the request's {@code Accept} (none: anything) takes the media type. Unlike
	 * {@link RequestPredicates#accept}, an {@code Accept} that does not parse is not
	 * taken (406, as for an annotated mapping) instead of failing the request with 500.
	 */
	private static RequestPredicate accepting(MediaType produces) {
		return (request) -> {
			List<MediaType> accepted;
			try {
				accepted = request.headers().accept();
			}
			catch (InvalidMediaTypeException ex) {
				return false;
			}
			return accepted.isEmpty() || accepted.stream().anyMatch(produces::isCompatibleWith);
		};
	}

	/**
	 * A query parameter as {@code @RequestParam String} reads it: every value, joined by
	 * commas (so that a repeated parameter is checked as one value, not silently cut to
	 * its first).
	 * @param request the request
	 * @param name the parameter's name
	 * @return the value, or {@code null} when missing
	 */
	public static String parameter(ServerRequest request, String name) {
		List<String> values = request.queryParams().get(name);
		return (values != null && !values.isEmpty()) ? String.join(",", values) : null;
	}

	/**
	 * A query parameter as {@code @RequestParam(defaultValue = ...) String} reads it.
	 * @param request the request
	 * @param name the parameter's name
	 * @param defaultValue the value when missing or empty
	 * @return the value
	 */
	public static String parameter(ServerRequest request, String name, String defaultValue) {
		String value = parameter(request, name);
		return (value != null && !value.isEmpty()) ? value : defaultValue;
	}

}
