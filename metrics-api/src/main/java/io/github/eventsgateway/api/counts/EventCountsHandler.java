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
import io.github.eventsgateway.api.hot.HotCache;
import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.api.hot.JsonBodies;
import io.github.eventsgateway.api.routing.GetRoute;
import io.github.eventsgateway.store.EventReader;
import io.github.eventsgateway.store.SlidingCounts;
import io.github.eventsgateway.store.Versioned;
import io.github.eventsgateway.store.autoconfigure.EventStoreProperties;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Counts the events of the last minutes by type, in one Redis round trip per window end
 * and store version: requests in between get the kept answer ({@link HotCache}). Routed
 * and documented by {@link CountsConfiguration}.
 */
final class EventCountsHandler {

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

	EventCountsHandler(EventReader reader, EventTypeResolver types, CaptureAnswers capture, EventStoreProperties store,
			Clock clock, HotCaches caches, JsonBodies json) {
		this.reader = reader;
		this.capture = capture;
		this.types = types;
		this.maxOffsetMinutes = store.retention().toMinutes();
		this.clock = clock;
		this.json = json;
		this.answers = caches.newCache();
		this.blocks = caches.newCache();
	}

	/**
	 * {@code GET /api/v1/events/counts?offset=&types=}.
	 * @param request the request
	 * @return the counts as JSON
	 */
	Mono<ServerResponse> counts(ServerRequest request) {
		CountsQuery requested = CountsQuery.of(GetRoute.parameter(request, "offset", "10"),
				GetRoute.parameter(request, "types"), this.maxOffsetMinutes);
		Instant to = CountsQuery.windowEnd(this.clock.instant());
		return this.types.resolve(requested.types())
			.flatMap((resolved) -> count(requested.withTypes(resolved), to))
			.flatMap(JsonBodies::ok);
	}

	private Mono<Versioned<byte[]>> count(CountsQuery query, Instant to) {
		Instant from = query.windowStart(to);
		return this.answers.get(new Window(query, to),
				() -> Mono.zip(countsAt(query, to), this.capture.of(from, to))
					.map((read) -> this.json.encode(Versioned.combine(read.getT1(), read.getT2(),
							toResponse(query, from, to, read.getT1().value(), read.getT2().value())))));
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
