package io.github.eventsgateway.api.capture;

import java.time.Clock;
import java.time.Instant;

import io.github.eventsgateway.api.status.PollerStatusAnswers;
import io.github.eventsgateway.store.EventReader;
import io.github.eventsgateway.store.Versioned;
import reactor.core.publisher.Mono;

/**
 * How complete a window is, for the answers that count events in it (counts, timeline):
 * the poller's capture statistics over the window and its status (the streams' pages and
 * types, the delivery delay), read together with the answer's own data. The result takes
 * the older of the versions it was read at, so it is kept no longer than any part of it.
 */
public class CaptureAnswers {

	private final EventReader reader;

	private final PollerStatusAnswers statuses;

	private final Clock clock;

	public CaptureAnswers(EventReader reader, PollerStatusAnswers statuses, Clock clock) {
		this.reader = reader;
		this.statuses = statuses;
		this.clock = clock;
	}

	/**
	 * How complete a window is.
	 * @param from the window's start
	 * @param to the window's end
	 * @return the capture, with the store's version it was read at
	 */
	public Mono<Versioned<CaptureView>> of(Instant from, Instant to) {
		return Mono.zip(this.reader.capture(from, to), this.statuses.currentVersioned())
			.map((both) -> Versioned.combine(both.getT1(), both.getT2(),
					CaptureView.of(both.getT1().value(), both.getT2().value(), to, this.clock.instant())));
	}

}
