package io.github.eventsgateway.api.counts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.eventsgateway.api.capture.CaptureAnswers;
import io.github.eventsgateway.api.capture.CaptureView;
import io.github.eventsgateway.api.eventtypes.EventTypeResolver;
import io.github.eventsgateway.api.eventtypes.TypesParameter;
import io.github.eventsgateway.api.hot.HotCache;
import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.api.hot.JsonBodies;
import io.github.eventsgateway.store.EventReader;
import io.github.eventsgateway.store.SlidingCounts;
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

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Counts the events of the last minutes by type, in one Redis round trip per window end
 * and store version: requests in between get the kept answer ({@link HotCache}).
 */
@RestController
@Tag(name = "events")
class EventCountsController {

	/**
	 * Window ends per read of the store: one read tells the counts of the next seconds
	 * too (it costs Redis a range read of the seconds that enter and leave the window).
	 */
	private static final int BLOCK_SECONDS = 10;

	/**
	 * Types every answer lists, with 0 when none happened (in this order after the rest).
	 */
	static final List<String> ALWAYS_LISTED = List.of("IssuesEvent", "PullRequestEvent", "WatchEvent");

	private static final Comparator<Map.Entry<String, Long>> MOST_FREQUENT_FIRST = Map.Entry
		.<String, Long>comparingByValue()
		.reversed()
		.thenComparing(Map.Entry.comparingByKey());

	private final EventReader reader;

	private final long maxOffsetMinutes;

	private final Clock clock;

	private final EventTypeResolver types;

	private final CaptureAnswers capture;

	private final JsonBodies json;

	private final HotCache<Window, byte[]> answers;

	private final HotCache<Block, SlidingCounts> blocks;

	EventCountsController(EventReader reader, EventTypeResolver types, CaptureAnswers capture,
			EventStoreProperties store, Clock clock, HotCaches caches, JsonBodies json) {
		this.reader = reader;
		this.capture = capture;
		this.types = types;
		this.maxOffsetMinutes = store.retention().toMinutes();
		this.clock = clock;
		this.json = json;
		this.answers = caches.newCache();
		this.blocks = caches.newCache();
	}

	@GetMapping(path = "/api/v1/events/counts", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Events of the last minutes, grouped by type",
			description = "Counts the events whose created_at lies in (now - offset minutes, now], to the second."
					+ " WatchEvent, PullRequestEvent and IssuesEvent are always listed (0 when none);"
					+ " every other type seen in the window is listed too, most frequent first."
					+ " With types, exactly the types asked for are listed, under GitHub's spelling of their names."
					+ " capture says how complete the window is: per stream of the feed, the events stored and"
					+ " the events estimated to have passed unseen (null, with share, when the poller could not"
					+ " estimate them); settling is true while late events may still arrive.")
	@ApiResponse(responseCode = "200", description = "The counts", content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = EventCounts.class),
			examples = @ExampleObject(value = """
					{"offsetMinutes":10,"from":"2026-11-23T10:05:00Z","to":"2026-11-23T10:15:00Z","total":104,
					"counts":{"PushEvent":80,"WatchEvent":12,"PullRequestEvent":9,"IssuesEvent":3},
					"capture":{"streams":[{"stream":"p2-3","pages":[2,3],"types":["PullRequestEvent",
					"IssueCommentEvent","WatchEvent"],"captured":24,"estimatedMissed":0,"share":1.0},
					{"stream":"p1","pages":[1],"types":["PushEvent","CreateEvent","DeleteEvent"],"captured":80,
					"estimatedMissed":112,"share":0.4167}],"settling":true,"settledAt":"2026-11-23T10:25:10Z"}}""")))
	Mono<ResponseEntity<byte[]>> counts(
			@Parameter(
					description = "The window's length in whole minutes, 1 to the retention (1 day = 1440 by default)",
					schema = @Schema(type = "integer", minimum = "1", defaultValue = "10"),
					example = "10") @RequestParam(defaultValue = "10") String offset,
			@Parameter(description = TypesParameter.DESCRIPTION,
					example = "WatchEvent,IssuesEvent") @RequestParam(required = false) String types) {
		CountsQuery requested = CountsQuery.of(offset, types, this.maxOffsetMinutes);
		Instant to = CountsQuery.windowEnd(this.clock.instant());
		return this.types.resolve(requested.types()).flatMap((resolved) -> count(requested.withTypes(resolved), to));
	}

	private Mono<ResponseEntity<byte[]>> count(CountsQuery query, Instant to) {
		Instant from = query.windowStart(to);
		return this.answers
			.get(new Window(query, to),
					() -> Mono.zip(countsAt(query, to), this.capture.of(from, to))
						.map((read) -> this.json.encode(Versioned.combine(read.getT1(), read.getT2(),
								toResponse(query, from, to, read.getT1().value(), read.getT2().value())))))
			.map(JsonBodies::ok);
	}

	/**
	 * The counts of a window, from the read of its block: the window's end moves on every
	 * second, but one read tells the counts of the block's {@value #BLOCK_SECONDS} window
	 * ends, so that a replica asks Redis once per block while the store does not change.
	 */
	private Mono<Versioned<Map<String, Long>>> countsAt(CountsQuery query, Instant to) {
		Block block = Block.of(query, to);
		return this.blocks
			.get(block,
					() -> this.reader.countByTypeSliding(query.windowStart(block.start()), block.start(), query.types(),
							BLOCK_SECONDS - 1))
			.map((read) -> new Versioned<>(read.version(), read.value().at(to), read.validFor()));
	}

	/**
	 * A query over the window ends of one block of seconds: the key of a kept read.
	 *
	 * @param query the query
	 * @param start the block's first window end, a multiple of {@value #BLOCK_SECONDS}
	 * seconds since the epoch (the same on every replica)
	 */
	private record Block(CountsQuery query, Instant start) {

		static Block of(CountsQuery query, Instant to) {
			long second = to.getEpochSecond();
			return new Block(query, Instant.ofEpochSecond(second - Math.floorMod(second, BLOCK_SECONDS)));
		}

	}

	/**
	 * A query at one window end: the key of a kept answer.
	 *
	 * @param query the query
	 * @param to the window's end
	 */
	private record Window(CountsQuery query, Instant to) {

	}

	// Plain loops rather than streams: this runs on every request of the busiest
	// endpoint.
	private static EventCounts toResponse(CountsQuery query, Instant from, Instant to, Map<String, Long> counts,
			CaptureView capture) {
		boolean everyType = query.types().isEmpty();
		List<Map.Entry<String, Long>> listed = new ArrayList<>(counts.size());
		for (Map.Entry<String, Long> entry : counts.entrySet()) {
			if (!everyType || entry.getValue() > 0) {
				listed.add(entry);
			}
		}
		listed.sort(MOST_FREQUENT_FIRST);
		Map<String, Long> ordered = new LinkedHashMap<>(2 * (listed.size() + ALWAYS_LISTED.size()));
		long total = 0;
		for (Map.Entry<String, Long> entry : listed) {
			ordered.put(entry.getKey(), entry.getValue());
			total += entry.getValue();
		}
		if (everyType) {
			for (String type : ALWAYS_LISTED) {
				ordered.putIfAbsent(type, 0L);
			}
		}
		return new EventCounts(query.offsetMinutes(), from, to, total, ordered, capture);
	}

}
