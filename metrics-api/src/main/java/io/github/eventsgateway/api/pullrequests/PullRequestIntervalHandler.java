package io.github.eventsgateway.api.pullrequests;

import io.github.eventsgateway.api.hot.HotCache;
import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.api.hot.JsonBodies;
import io.github.eventsgateway.store.EventReader;
import io.github.eventsgateway.store.PullRequestStats;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The average time between the pull requests opened in a repository, in one Redis round
 * trip per repository and store version. Routed and documented by
 * {@link PullRequestsConfiguration}.
 */
final class PullRequestIntervalHandler {

	private final EventReader reader;

	private final JsonBodies json;

	private final HotCache<RepositoryName, byte[]> answers;

	PullRequestIntervalHandler(EventReader reader, HotCaches caches, JsonBodies json) {
		this.reader = reader;
		this.json = json;
		this.answers = caches.newCache();
	}

	/**
	 * {@code GET /api/v1/repos/{owner}/{repo}/pull-requests/average-interval}.
	 * @param request the request
	 * @return the average interval as JSON
	 */
	Mono<ServerResponse> averageInterval(ServerRequest request) {
		RepositoryName name = RepositoryName.of(request.pathVariable("owner"), request.pathVariable("repo"));
		return this.answers
			.get(name,
					() -> this.reader.pullRequestsOpenedVersioned(name.fullName())
						.map((read) -> this.json.encode(read.with(toResponse(name, read.value())))))
			.flatMap(JsonBodies::ok);
	}

	private static PullRequestInterval toResponse(RepositoryName name, PullRequestStats stats) {
		return new PullRequestInterval(name.fullName(), stats.opened(), stats.averageIntervalSeconds(),
				stats.firstOpenedAt(), stats.lastOpenedAt());
	}

}
