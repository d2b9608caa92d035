package io.github.eventsgateway.api.timeline;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import io.github.eventsgateway.api.eventtypes.EventTypeResolver;
import io.github.eventsgateway.api.eventtypes.TypesParameter;
import io.github.eventsgateway.api.hot.HotCache;
import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.api.hot.JsonBodies;
import io.github.eventsgateway.api.routing.GetRoute;
import io.github.eventsgateway.store.Versioned;
import io.github.eventsgateway.store.autoconfigure.EventStoreProperties;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Events per type per bucket of minutes, as JSON or as a chart to embed. Routed and
 * documented by {@link TimelineConfiguration}.
 */
final class TimelineHandler {

	static final String SVG_VALUE = "image/svg+xml";

	static final MediaType SVG = MediaType.parseMediaType(SVG_VALUE);

	private final TimelineService timelines;

	private final Clock clock;

	private final long maxOffsetMinutes;

	private final EventTypeResolver types;

	private final HotCache<ChartRequest, byte[]> charts;

	private final HotCache<TimelineRequest, byte[]> bodies;

	private final JsonBodies json;

	TimelineHandler(TimelineService timelines, EventTypeResolver types, Clock clock, EventStoreProperties store,
			HotCaches caches, JsonBodies json) {
		this.timelines = timelines;
		this.types = types;
		this.clock = clock;
		this.maxOffsetMinutes = store.retention().toMinutes();
		this.charts = caches.newCache();
		this.bodies = caches.newCache();
		this.json = json;
	}

	/**
	 * {@code GET /api/v1/events/timeline?offset=&bucket=&types=}.
	 * @param request the request
	 * @return the timeline as JSON
	 */
	Mono<ServerResponse> timeline(ServerRequest request) {
		return Mono.fromSupplier(() -> window(request))
			.flatMap((window) -> resolve(request).map((resolved) -> new TimelineRequest(window, resolved)))
			.flatMap((timeline) -> this.bodies.get(timeline,
					() -> this.timelines.timelineVersioned(timeline.window(), timeline.types()).map(this.json::encode)))
			.flatMap(JsonBodies::ok);
	}

	/**
	 * {@code GET /api/v1/events/timeline.svg?offset=&bucket=&width=&height=&types=}.
	 * @param request the request
	 * @return the chart
	 */
	Mono<ServerResponse> timelineSvg(ServerRequest request) {
		return Mono
			.fromSupplier(() -> new ChartRequest(window(request),
					ChartSize.of(GetRoute.parameter(request, "width", "900"),
							GetRoute.parameter(request, "height", "400")),
					List.of()))
			.flatMap((chart) -> resolve(request).map(chart::withTypes))
			.flatMap((chart) -> this.charts.get(chart, () -> draw(chart)))
			.flatMap((svg) -> ServerResponse.ok()
				.contentType(SVG)
				.cacheControl(CacheControl.noCache())
				.bodyValue(svg.value()));
	}

	/**
	 * Draws a chart and keeps its bytes, which every request that gets it then writes.
	 */
	private Mono<Versioned<byte[]>> draw(ChartRequest request) {
		return this.timelines.timelineVersioned(request.window(), request.types())
			.publishOn(Schedulers.boundedElastic())
			.map((timeline) -> timeline
				.with(TimelineChart.svg(timeline.value(), request.size().width(), request.size().height())
					.getBytes(StandardCharsets.UTF_8)));
	}

	private Mono<List<String>> resolve(ServerRequest request) {
		return this.types.resolve(TypesParameter.parse(GetRoute.parameter(request, "types")));
	}

	private TimelineWindow window(ServerRequest request) {
		return TimelineParameters.window(GetRoute.parameter(request, "offset", "60"),
				GetRoute.parameter(request, "bucket", "1"), this.maxOffsetMinutes, this.clock.instant());
	}

	private record TimelineRequest(TimelineWindow window, List<String> types) {

	}

	private record ChartRequest(TimelineWindow window, ChartSize size, List<String> types) {

		ChartRequest withTypes(List<String> resolved) {
			return new ChartRequest(this.window, this.size, resolved);
		}

	}

}
