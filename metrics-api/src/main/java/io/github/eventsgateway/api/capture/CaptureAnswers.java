package io.github.eventsgateway.api.capture;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.github.eventsgateway.api.hot.HotCache;
import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.api.status.PollerStatusAnswers;
import io.github.eventsgateway.store.EventReader;
import io.github.eventsgateway.store.StreamCapture;
import io.github.eventsgateway.store.Versioned;
import reactor.core.publisher.Mono;

/**
 * How complete a window is, for the answers that count events in it (counts, timeline):
 * the poller's capture statistics over the window and its status (the streams' pages and
 * types, the delivery delay), read together with the answer's own data. The result takes
 * the older of the versions it was read at, so it is kept no longer than any part of it.
 * The capture statistics are counted to the minute: one read serves every window with the
 * same first and last minute, while the store does not change.
 */
public class CaptureAnswers {

	private final EventReader reader;

	private final PollerStatusAnswers statuses;

	private final Clock clock;

	private final HotCache<Minutes, List<StreamCapture>> captures;

	public CaptureAnswers(EventReader reader, PollerStatusAnswers statuses, Clock clock, HotCaches caches) {
		this.reader = reader;
		this.statuses = statuses;
		this.clock = clock;
		this.captures = caches.newCache();
	}

	/**
	 * How complete a window is.
	 * @param from the window's start
	 * @param to the window's end
	 * @return the capture, with the store's version it was read at
	 */
	public Mono<Versioned<CaptureView>> of(Instant from, Instant to) {
		Mono<Versioned<List<StreamCapture>>> capture = this.captures.get(Minutes.of(from, to),
				() -> this.reader.capture(from, to));
		return Mono.zip(capture, this.statuses.currentVersioned())
			.map((both) -> Versioned.combine(both.getT1(), both.getT2(),
					CaptureView.of(both.getT1().value(), both.getT2().value(), to, this.clock.instant())));
	}

	/**
	 * The minutes a window's capture is counted over, the first and the last included.
	 *
	 * @param first the first minute
	 * @param last the last minute
	 */
	private record Minutes(Instant first, Instant last) {

		static Minutes of(Instant from, Instant to) {
			return new Minutes(from.truncatedTo(ChronoUnit.MINUTES), to.truncatedTo(ChronoUnit.MINUTES));
		}

	}

}
