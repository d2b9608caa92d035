package io.github.eventsgateway.api.pullrequests;

import io.github.eventsgateway.api.hot.HotCache;
import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.api.hot.JsonBodies;
import io.github.eventsgateway.store.EventReader;
import io.github.eventsgateway.store.PullRequestStats;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The average time between the pull requests opened in a repository, in one Redis round
 * trip per repository and store version.
 */
@RestController
@Tag(name = "repositories")
class PullRequestIntervalController {

	private final EventReader reader;

	private final JsonBodies json;

	private final HotCache<RepositoryName, byte[]> answers;

	PullRequestIntervalController(EventReader reader, HotCaches caches, JsonBodies json) {
		this.reader = reader;
		this.json = json;
		this.answers = caches.newCache();
	}

	@GetMapping(path = "/api/v1/repos/{owner}/{repo}/pull-requests/average-interval",
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Average time between consecutive pull requests opened in a repository",
			description = "From every PullRequestEvent with action 'opened' stored for the repository (its name is"
					+ " matched regardless of case): (last - first) / (count - 1) seconds."
					+ " With fewer than two, averageIntervalSeconds is null and the status is still 200, also for a"
					+ " repository the store never saw.")
	@ApiResponse(responseCode = "200", description = "The average interval", content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PullRequestInterval.class),
			examples = { @ExampleObject(name = "several", value = """
					{"repo":"duckdb/duckdb","pullRequests":7,"averageIntervalSeconds":5123.5,\
					"firstOpenedAt":"2026-11-22T08:00:00Z","lastOpenedAt":"2026-11-22T16:32:21Z"}"""),
					@ExampleObject(name = "fewer than two", value = """
							{"repo":"octocat/Hello-World","pullRequests":1,"averageIntervalSeconds":null,\
							"firstOpenedAt":"2026-11-22T08:00:00Z","lastOpenedAt":"2026-11-22T08:00:00Z"}""") }))
	Mono<ResponseEntity<byte[]>> averageInterval(
			@Parameter(description = "The owner's login, in any case: letters, digits, '-' and '_', at most 39",
					example = "duckdb") @PathVariable String owner,
			@Parameter(description = "The repository's name, in any case: letters, digits, '.', '-' and '_',"
					+ " at most 100", example = "duckdb") @PathVariable String repo) {
		RepositoryName name = RepositoryName.of(owner, repo);
		return this.answers
			.get(name,
					() -> this.reader.pullRequestsOpenedVersioned(name.fullName())
						.map((read) -> this.json.encode(read.with(toResponse(name, read.value())))))
			.map(JsonBodies::ok);
	}

	private static PullRequestInterval toResponse(RepositoryName name, PullRequestStats stats) {
		return new PullRequestInterval(name.fullName(), stats.opened(), stats.averageIntervalSeconds(),
				stats.firstOpenedAt(), stats.lastOpenedAt());
	}

}
