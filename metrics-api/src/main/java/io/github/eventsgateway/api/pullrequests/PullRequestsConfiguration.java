package io.github.eventsgateway.api.pullrequests;

import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.api.hot.JsonBodies;
import io.github.eventsgateway.api.routing.GetRoute;
import io.github.eventsgateway.store.EventReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springdoc.core.annotations.RouterOperation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Routes and documents the average interval between a repository's pull requests.
 */
@Configuration(proxyBeanMethods = false)
class PullRequestsConfiguration {

	static final String PATH = "/api/v1/repos/{owner}/{repo}/pull-requests/average-interval";

	@Bean
	PullRequestIntervalHandler pullRequestIntervalHandler(EventReader reader, HotCaches caches, JsonBodies json) {
		return new PullRequestIntervalHandler(reader, caches, json);
	}

	@Bean
	@RouterOperation(path = PATH, method = RequestMethod.GET, produces = MediaType.APPLICATION_JSON_VALUE,
			beanClass = PullRequestIntervalHandler.class, beanMethod = "averageInterval",
			operation = @Operation(operationId = "averageInterval", tags = "repositories",
					summary = "Average time between consecutive pull requests opened in a repository",
					description = "From every PullRequestEvent with action 'opened' stored for the repository (its name is"
							+ " matched regardless of case): (last - first) / (count - 1) seconds."
							+ " With fewer than two, averageIntervalSeconds is null and the status is still 200, also for a"
							+ " repository the store never saw.",
					parameters = { @Parameter(name = "owner", in = ParameterIn.PATH, required = true,
							description = "The owner's login, in any case: letters, digits, '-' and '_', at most 39",
							schema = @Schema(type = "string"), example = "duckdb"),
							@Parameter(name = "repo", in = ParameterIn.PATH, required = true,
									description = "The repository's name, in any case: letters, digits, '.', '-' and '_',"
											+ " at most 100",
									schema = @Schema(type = "string"), example = "duckdb") },
					responses = @ApiResponse(responseCode = "200", description = "The average interval",
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = PullRequestInterval.class),
									examples = { @ExampleObject(name = "several",
											value = """
													{"repo":"duckdb/duckdb","pullRequests":7,"averageIntervalSeconds":5123.5,\
													"firstOpenedAt":"2026-11-22T08:00:00Z","lastOpenedAt":"2026-11-22T16:32:21Z"}"""),
											@ExampleObject(name = "fewer than two",
													value = """
															{"repo":"octocat/Hello-World","pullRequests":1,"averageIntervalSeconds":null,\
															"firstOpenedAt":"2026-11-22T08:00:00Z","lastOpenedAt":"2026-11-22T08:00:00Z"}""") }))))
	RouterFunction<ServerResponse> pullRequestIntervalRoute(PullRequestIntervalHandler handler) {
		return GetRoute.json(PATH, handler::averageInterval);
	}

}
