package io.github.eventsgateway.api.madepublic;

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
 * Reads, routes and documents the repositories made public.
 */
@Configuration(proxyBeanMethods = false)
class MadePublicConfiguration {

	static final String PATH = "/api/v1/repos/made-public";

	@Bean
	MadePublicAnswers madePublicAnswers(EventReader reader, HotCaches caches) {
		return new MadePublicAnswers(reader, caches);
	}

	@Bean
	MadePublicHandler madePublicHandler(MadePublicAnswers answers, HotCaches caches, JsonBodies json) {
		return new MadePublicHandler(answers, caches, json);
	}

	@Bean
	@RouterOperation(path = PATH, method = RequestMethod.GET, produces = MediaType.APPLICATION_JSON_VALUE,
			beanClass = MadePublicHandler.class, beanMethod = "madePublic",
			operation = @Operation(operationId = "madePublic", tags = "repositories",
					summary = "Repositories made public, newest first",
					description = "Every PublicEvent stored, newest created_at first.",
					parameters = @Parameter(name = "limit", in = ParameterIn.QUERY,
							description = "How many at most, 1 to 1000",
							schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"),
							example = "100"),
					responses = @ApiResponse(responseCode = "200", description = "The repositories", content = @Content(
							mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = MadePublicRepos.class), examples = @ExampleObject(
									value = """
											{"repos":[{"repo":"nekoTheShadow/todo-notify","repoId":910281813,\
											"madePublicAt":"2026-11-23T10:14:58Z","actor":"nekoTheShadow","eventId":"45566712513"}]}""")))))
	RouterFunction<ServerResponse> madePublicRoute(MadePublicHandler handler) {
		return GetRoute.json(PATH, handler::madePublic);
	}

}
