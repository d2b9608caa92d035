package io.github.eventsgateway.api.timeline;

import java.time.Clock;
import java.util.List;

import io.github.eventsgateway.api.eventtypes.EventTypeResolver;
import io.github.eventsgateway.api.eventtypes.TypesParameter;
import io.github.eventsgateway.api.hot.HotCache;
import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.api.hot.JsonBodies;
import io.github.eventsgateway.store.Versioned;
import io.github.eventsgateway.store.autoconfigure.EventStoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events per type per bucket of minutes, as JSON or as a chart to embed.
 */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "events")
class TimelineController {

	static final String SVG = "image/svg+xml";

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

	private final TimelineService timelines;

	private final Clock clock;

	private final long maxOffsetMinutes;

	private final EventTypeResolver types;

	private final HotCache<ChartRequest, String> charts;

	private final HotCache<TimelineRequest, byte[]> bodies;

	private final JsonBodies json;

	TimelineController(TimelineService timelines, EventTypeResolver types, Clock clock, EventStoreProperties store,
			HotCaches caches, JsonBodies json) {
		this.timelines = timelines;
		this.types = types;
		this.clock = clock;
		this.maxOffsetMinutes = store.retention().toMinutes();
		this.charts = caches.newCache();
		this.bodies = caches.newCache();
		this.json = json;
	}

	@GetMapping(path = "/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Events per type per bucket of minutes", description = WINDOW)
	@ApiResponse(responseCode = "200",
			description = "The timeline; series lists only the types with events (of those asked for, with types)",
			content = @Content(schema = @Schema(implementation = TimelineView.class),
					examples = @ExampleObject(value = EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "offset or bucket out of range, or an unknown type",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = PROBLEM_EXAMPLE)))
	Mono<ResponseEntity<byte[]>> timeline(
			@Parameter(description = "How many minutes back, 1 to the retention",
					example = "60") @RequestParam(defaultValue = "60") String offset,
			@Parameter(description = "The bucket length in minutes, 1 to offset",
					example = "1") @RequestParam(defaultValue = "1") String bucket,
			@Parameter(description = TypesParameter.DESCRIPTION,
					example = "WatchEvent,IssuesEvent") @RequestParam(required = false) String types) {
		return Mono.fromSupplier(() -> window(offset, bucket))
			.flatMap((window) -> resolve(types).map((resolved) -> new TimelineRequest(window, resolved)))
			.flatMap((request) -> this.bodies.get(request,
					() -> this.timelines.timelineVersioned(request.window(), request.types()).map(this.json::encode)))
			.map(JsonBodies::ok);
	}

	@GetMapping(path = "/timeline.svg", produces = SVG)
	@Operation(summary = "The timeline as a stacked bar chart to embed (SVG)",
			description = WINDOW + " An empty window draws an empty chart that says so, with status 200.")
	@ApiResponse(responseCode = "200", description = "The chart",
			content = @Content(mediaType = SVG, schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "400", description = "offset, bucket, width or height out of range, or an unknown type",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class),
					examples = @ExampleObject(value = PROBLEM_EXAMPLE)))
	Mono<ResponseEntity<String>> timelineSvg(
			@Parameter(description = "How many minutes back, 1 to the retention",
					example = "60") @RequestParam(defaultValue = "60") String offset,
			@Parameter(description = "The bucket length in minutes, 1 to offset",
					example = "1") @RequestParam(defaultValue = "1") String bucket,
			@Parameter(description = "The width in pixels, 200 to 4000",
					example = "900") @RequestParam(defaultValue = "900") String width,
			@Parameter(description = "The height in pixels, 150 to 3000",
					example = "400") @RequestParam(defaultValue = "400") String height,
			@Parameter(description = TypesParameter.DESCRIPTION,
					example = "WatchEvent,IssuesEvent") @RequestParam(required = false) String types) {
		return Mono.fromSupplier(() -> new ChartRequest(window(offset, bucket), ChartSize.of(width, height), List.of()))
			.flatMap((request) -> resolve(types).map(request::withTypes))
			.flatMap((request) -> this.charts.get(request, () -> draw(request)))
			.map((svg) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(SVG))
				.cacheControl(CacheControl.noCache())
				.body(svg.value()));
	}

	/** Drawing takes milliseconds: off the event loop, once per window and version. */
	private Mono<Versioned<String>> draw(ChartRequest request) {
		return this.timelines.timelineVersioned(request.window(), request.types())
			.publishOn(Schedulers.boundedElastic())
			.map((timeline) -> timeline
				.with(TimelineChart.svg(timeline.value(), request.size().width(), request.size().height())));
	}

	private Mono<List<String>> resolve(String types) {
		return this.types.resolve(TypesParameter.parse(types));
	}

	private TimelineWindow window(String offset, String bucket) {
		return TimelineParameters.window(offset, bucket, this.maxOffsetMinutes, this.clock.instant());
	}

	/**
	 * A timeline asked for: the key of a kept answer.
	 *
	 * @param window the window
	 * @param types the types under their stored names, or empty for every type
	 */
	private record TimelineRequest(TimelineWindow window, List<String> types) {

	}

	/**
	 * A chart asked for: the key of a kept drawing.
	 *
	 * @param window the window
	 * @param size the chart's size
	 * @param types the types under their stored names, or empty for every type
	 */
	private record ChartRequest(TimelineWindow window, ChartSize size, List<String> types) {

		ChartRequest withTypes(List<String> resolved) {
			return new ChartRequest(this.window, this.size, resolved);
		}

	}

}
