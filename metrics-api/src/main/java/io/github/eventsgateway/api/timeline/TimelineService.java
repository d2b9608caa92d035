package io.github.eventsgateway.api.timeline;

import java.util.List;

import io.github.eventsgateway.api.hot.HotCache;
import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.store.EventReader;
import io.github.eventsgateway.store.Versioned;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Reads timelines from the event store, in one Redis round trip per window and store
 * version: the JSON endpoint, the chart and the dashboard stream share the answers kept.
 */
@Service
public class TimelineService {

	private final EventReader reader;

	private final HotCache<TimelineWindow, TimelineView> answers;

	public TimelineService(EventReader reader, HotCaches caches) {
		this.reader = reader;
		this.answers = caches.newCache();
	}

	/**
	 * The timeline of a window.
	 * @param window the window
	 * @return the timeline, with only the types that have events in the window
	 */
	public Mono<TimelineView> timeline(TimelineWindow window) {
		return timelineVersioned(window).map(Versioned::value);
	}

	/**
	 * The timeline of a window, with the store's version it was read at.
	 * @param window the window
	 * @return the timeline, with only the types that have events in the window
	 */
	public Mono<Versioned<TimelineView>> timelineVersioned(TimelineWindow window) {
		return this.answers.get(window,
				() -> this.reader.timelineVersioned(window.from(), window.bucketLength(), window.buckets(), List.of())
					.map((read) -> read.with(TimelineView.of(window, read.value()))));
	}

}
