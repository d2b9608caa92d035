package io.github.eventsgateway.api.counts;

import java.time.Clock;

import io.github.eventsgateway.api.capture.CaptureAnswers;
import io.github.eventsgateway.api.eventtypes.EventTypeResolver;
import io.github.eventsgateway.api.eventtypes.TypesParameter;
import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.api.hot.JsonBodies;
import io.github.eventsgateway.api.routing.GetRoute;
import io.github.eventsgateway.store.EventReader;
import io.github.eventsgateway.store.autoconfigure.EventStoreProperties;
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
 * Routes and documents the counts endpoint.
 */
@Configuration(proxyBeanMethods = false)
class CountsConfiguration {

	static final String PATH = "/api/v1/events/counts";

	@Bean
	EventCountsHandler eventCountsHandler(EventReader reader, EventTypeResolver types, CaptureAnswers capture,
			EventStoreProperties store, Clock clock, HotCaches caches, JsonBodies json) {
		return new EventCountsHandler(reader, types, capture, store, clock, caches, json);
	}

	@Bean
	@RouterOperation(path = PATH, method = RequestMethod.GET, produces = MediaType.APPLICATION_JSON_VALUE,
			beanClass = EventCountsHandler.class, beanMethod = "counts",
			operation = @Operation(operationId = "counts", tags = "events",
					summary = "Events of the last minutes, grouped by type",
					description = "Counts the events whose created_at lies in (now - offset minutes, now], to the second."
							+ " WatchEvent, PullRequestEvent and IssuesEvent are always listed (0 when none);"
							+ " every other type seen in the window is listed too, most frequent first."
							+ " With types, exactly the types asked for are listed, under GitHub's spelling of their names."
							+ " capture says how complete the window is: per stream of the feed, the events stored and"
							+ " the events estimated to have passed unseen (null, with share, when the poller could not"
							+ " estimate them); settling is true while late events may still arrive.",
					parameters = { @Parameter(name = "offset", in = ParameterIn.QUERY,
							description = "The window's length in whole minutes, 1 to the retention (1 day = 1440 by default)",
							schema = @Schema(type = "integer", minimum = "1", defaultValue = "10"), example = "10"),
							@Parameter(name = "types", in = ParameterIn.QUERY, description = TypesParameter.DESCRIPTION,
									schema = @Schema(type = "string"), example = "WatchEvent,IssuesEvent") },
					responses = @ApiResponse(responseCode = "200", description = "The counts", content = @Content(
							mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = EventCounts.class), examples = @ExampleObject(
									value = """
											{"offsetMinutes":10,"from":"2026-11-23T10:05:00Z","to":"2026-11-23T10:15:00Z","total":104,
											"counts":{"PushEvent":80,"WatchEvent":12,"PullRequestEvent":9,"IssuesEvent":3},
											"capture":{"streams":[{"stream":"p2-3","pages":[2,3],"types":["PullRequestEvent",
											"IssueCommentEvent","WatchEvent"],"captured":24,"estimatedMissed":0,"share":1.0},
											{"stream":"p1","pages":[1],"types":["PushEvent","CreateEvent","DeleteEvent"],"captured":80,
											"estimatedMissed":112,"share":0.4167}],"settling":true,"settledAt":"2026-11-23T10:25:10Z"}}""")))))
	RouterFunction<ServerResponse> countsRoute(EventCountsHandler handler) {
		return GetRoute.json(PATH, handler::counts);
	}

}
