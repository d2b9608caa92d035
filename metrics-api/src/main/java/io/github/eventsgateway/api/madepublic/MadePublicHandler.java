package io.github.eventsgateway.api.madepublic;

import io.github.eventsgateway.api.hot.HotCache;
import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.api.hot.JsonBodies;
import io.github.eventsgateway.api.parameters.WholeNumberParameter;
import io.github.eventsgateway.api.problem.InvalidParameterException;
import io.github.eventsgateway.api.problem.UserInput;
import io.github.eventsgateway.api.routing.GetRoute;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The repositories made public, newest first, in one Redis round trip per limit and store
 * version, parsed and encoded to JSON once for all the requests in between. Routed and
 * documented by {@link MadePublicConfiguration}.
 */
final class MadePublicHandler {

	static final int MAX_LIMIT = 1000;

	private final MadePublicAnswers answers;

	private final JsonBodies json;

	private final HotCache<Integer, byte[]> bodies;

	MadePublicHandler(MadePublicAnswers answers, HotCaches caches, JsonBodies json) {
		this.answers = answers;
		this.json = json;
		this.bodies = caches.newCache();
	}

	/**
	 * {@code GET /api/v1/repos/made-public?limit=}.
	 * @param request the request
	 * @return the repositories as JSON
	 */
	Mono<ServerResponse> madePublic(ServerRequest request) {
		int count = limit(GetRoute.parameter(request, "limit", "100"));
		return this.bodies
			.get(count,
					() -> this.answers.latestVersioned(count)
						.map((repos) -> this.json.encode(repos.with(MadePublicRepos.of(repos.value())))))
			.flatMap(JsonBodies::ok);
	}

	private static int limit(String limit) {
		long value = WholeNumberParameter.parse(limit);
		if (value < 1 || value > MAX_LIMIT) {
			throw new InvalidParameterException("limit", "limit must be a whole number from 1 to " + MAX_LIMIT
					+ ", such as limit=100; got " + UserInput.quote(limit) + ".");
		}
		return (int) value;
	}

}
