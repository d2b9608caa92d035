package io.github.eventsgateway.api.timeline;

import java.time.Clock;

import io.github.eventsgateway.api.eventtypes.EventTypeResolver;
import io.github.eventsgateway.api.eventtypes.TypesParameter;
import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.api.hot.JsonBodies;
import io.github.eventsgateway.api.routing.GetRoute;
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
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Routes and documents the timeline, as JSON and as a chart.
 */
@Configuration(proxyBeanMethods = false)
class TimelineConfiguration {

	static final String PATH = "/api/v1/events/timeline";

	static final String SVG_PATH = "/api/v1/events/timeline.svg";

	private static final String EXAMPLE = """
			{"offsetMinutes":3,"bucketMinutes":1,"from":"2026-11-23T10:13:00Z","to":"2026-11-23T10:16:00Z",
			"buckets":["2026-11-23T10:13:00Z","2026-11-23T10:14:00Z","2026-11-23T10:15:00Z"],
			"series":{"PushEvent":[812,790,433],"CreateEvent":[120,98,61],"WatchEvent":[55,61,20]},"total":2450,
			"capture":{"streams":[{"stream":"p2-3","pages":[2,3],"types":["PullRequestEvent","IssueCommentEvent",
			"WatchEvent"],"captured":136,"estimatedMissed":0,"share":1.0},{"stream":"p1","pages":[1],
			"types":["PushEvent","CreateEvent","DeleteEvent"],"captured":2314,"estimatedMissed":3010,"share":0.4346}],
			"settling":true,"settledAt":"2026-11-23T10:26:10Z"}}""";

	private static final String PROBLEM_EXAMPLE = """
			{"type":"urn:events-gateway:problem:invalid-parameter","title":"Invalid request parameter","status":400,
			"detail":"bucket must be a whole number of minutes from 1 to offset (60), such as bucket=1; got '0'.",
			"instance":"/api/v1/events/timeline","parameter":"bucket"}""";

	private static final String WINDOW = """
			Buckets are aligned on whole multiples of the bucket length (UTC) and the last one holds now, so it \
			is still filling. There are ceil(offset / bucket) buckets: an offset that is not a multiple of the \
			bucket is rounded up to one. A bucket holds the events created after its start and up to its end, \
			to the second. At most 1440 buckets.""";

	@Bean
	TimelineHandler timelineHandler(TimelineService timelines, EventTypeResolver types, Clock clock,
			EventStoreProperties store, HotCaches caches, JsonBodies json) {
		return new TimelineHandler(timelines, types, clock, store, caches, json);
	}

	@Bean
	@RouterOperation(path = PATH, method = RequestMethod.GET, produces = MediaType.APPLICATION_JSON_VALUE,
			beanClass = TimelineHandler.class, beanMethod = "timeline",
			operation = @Operation(operationId = "timeline", tags = "events",
					summary = "Events per type per bucket of minutes", description = WINDOW,
					parameters = {
							@Parameter(name = "offset", in = ParameterIn.QUERY,
									description = "How many minutes back, 1 to the retention",
									schema = @Schema(type = "string", defaultValue = "60"), example = "60"),
							@Parameter(name = "bucket", in = ParameterIn.QUERY,
									description = "The bucket length in minutes, 1 to offset",
									schema = @Schema(type = "string", defaultValue = "1"), example = "1"),
							@Parameter(name = "types", in = ParameterIn.QUERY, description = TypesParameter.DESCRIPTION,
									schema = @Schema(type = "string"), example = "WatchEvent,IssuesEvent") },
					responses = { @ApiResponse(responseCode = "200",
							description = "The timeline; series lists only the types with events (of those asked for, with types)",
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = TimelineView.class),
									examples = @ExampleObject(value = EXAMPLE))),
							@ApiResponse(responseCode = "400",
									description = "offset or bucket out of range, or an unknown type",
									content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
											schema = @Schema(implementation = ProblemDetail.class),
											examples = @ExampleObject(value = PROBLEM_EXAMPLE))) }))
	RouterFunction<ServerResponse> timelineRoute(TimelineHandler handler) {
		return GetRoute.json(PATH, handler::timeline);
	}

	@Bean
	@RouterOperation(path = SVG_PATH, method = RequestMethod.GET, produces = TimelineHandler.SVG_VALUE,
			beanClass = TimelineHandler.class, beanMethod = "timelineSvg",
			operation = @Operation(operationId = "timelineSvg", tags = "events",
					summary = "The timeline as a stacked bar chart to embed (SVG)",
					description = WINDOW + " An empty window draws an empty chart that says so, with status 200.",
					parameters = {
							@Parameter(name = "offset", in = ParameterIn.QUERY,
									description = "How many minutes back, 1 to the retention",
									schema = @Schema(type = "string", defaultValue = "60"), example = "60"),
							@Parameter(name = "bucket", in = ParameterIn.QUERY,
									description = "The bucket length in minutes, 1 to offset",
									schema = @Schema(type = "string", defaultValue = "1"), example = "1"),
							@Parameter(name = "width", in = ParameterIn.QUERY,
									description = "The width in pixels, 200 to 4000",
									schema = @Schema(type = "string", defaultValue = "900"), example = "900"),
							@Parameter(name = "height", in = ParameterIn.QUERY,
									description = "The height in pixels, 150 to 3000",
									schema = @Schema(type = "string", defaultValue = "400"), example = "400"),
							@Parameter(name = "types", in = ParameterIn.QUERY, description = TypesParameter.DESCRIPTION,
									schema = @Schema(type = "string"), example = "WatchEvent,IssuesEvent") },
					responses = {
							@ApiResponse(responseCode = "200", description = "The chart",
									content = @Content(mediaType = TimelineHandler.SVG_VALUE,
											schema = @Schema(type = "string"))),
							@ApiResponse(responseCode = "400",
									description = "offset, bucket, width or height out of range, or an unknown type",
									content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
											schema = @Schema(implementation = ProblemDetail.class),
											examples = @ExampleObject(value = PROBLEM_EXAMPLE))) }))
	RouterFunction<ServerResponse> timelineSvgRoute(TimelineHandler handler) {
		return GetRoute.of(SVG_PATH, TimelineHandler.SVG, handler::timelineSvg);
	}

}
