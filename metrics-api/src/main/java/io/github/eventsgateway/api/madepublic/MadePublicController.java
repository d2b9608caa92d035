package io.github.eventsgateway.api.madepublic;

import io.github.eventsgateway.api.hot.HotCache;
import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.api.hot.JsonBodies;
import io.github.eventsgateway.api.parameters.WholeNumberParameter;
import io.github.eventsgateway.api.problem.InvalidParameterException;
import io.github.eventsgateway.api.problem.UserInput;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The repositories made public, newest first, in one Redis round trip per limit and store
 * version, parsed and encoded to JSON once for all the requests in between.
 */
@RestController
@Tag(name = "repositories")
class MadePublicController {

	static final int MAX_LIMIT = 1000;

	private final MadePublicAnswers answers;

	private final JsonBodies json;

	private final HotCache<Integer, byte[]> bodies;

	MadePublicController(MadePublicAnswers answers, HotCaches caches, JsonBodies json) {
		this.answers = answers;
		this.json = json;
		this.bodies = caches.newCache();
	}

	@GetMapping(path = "/api/v1/repos/made-public", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Repositories made public, newest first",
			description = "Every PublicEvent stored, newest created_at first.")
	@ApiResponse(responseCode = "200", description = "The repositories", content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = MadePublicRepos.class),
			examples = @ExampleObject(value = """
					{"repos":[{"repo":"nekoTheShadow/todo-notify","repoId":910281813,\
					"madePublicAt":"2026-11-23T10:14:58Z","actor":"nekoTheShadow","eventId":"45566712513"}]}""")))
	Mono<ResponseEntity<byte[]>> madePublic(@Parameter(description = "How many at most, 1 to 1000",
			schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"),
			example = "100") @RequestParam(defaultValue = "100") String limit) {
		int count = limit(limit);
		return this.bodies
			.get(count,
					() -> this.answers.latestVersioned(count)
						.map((repos) -> this.json.encode(repos.with(MadePublicRepos.of(repos.value())))))
			.map(JsonBodies::ok);
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
