package io.github.eventsgateway.api.timeline;

import java.util.List;

import io.github.eventsgateway.api.capture.CaptureAnswers;
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

	private final HotCache<Query, TimelineView> answers;

	private final CaptureAnswers capture;

	public TimelineService(EventReader reader, CaptureAnswers capture, HotCaches caches) {
		this.reader = reader;
		this.capture = capture;
		this.answers = caches.newCache();
	}

	/**
	 * The timeline of a window.
	 * @param window the window
	 * @return the timeline, with only the types that have events in the window
	 */
	public Mono<TimelineView> timeline(TimelineWindow window) {
		return timelineVersioned(window, List.of()).map(Versioned::value);
	}

	/**
	 * The timeline of a window for some types, with the store's version it was read at.
	 * @param window the window
	 * @param types the types wanted under their stored names, or empty for every type
	 * @return the timeline, with only those of the types that have events in the window
	 */
	public Mono<Versioned<TimelineView>> timelineVersioned(TimelineWindow window, List<String> types) {
		return this.answers.get(new Query(window, types),
				() -> Mono
					.zip(this.reader.timelineVersioned(window.from(), window.bucketLength(), window.buckets(), types),
							this.capture.of(window.from(), window.to()))
					.map((read) -> Versioned.combine(read.getT1(), read.getT2(),
							TimelineView.of(window, read.getT1().value(), read.getT2().value()))));
	}

	/**
	 * A window and the types asked for: the key of a kept timeline.
	 *
	 * @param window the window
	 * @param types the types, or empty for every type
	 */
	private record Query(TimelineWindow window, List<String> types) {

	}

}
