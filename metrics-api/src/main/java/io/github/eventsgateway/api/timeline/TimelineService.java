package io.github.eventsgateway.api.timeline;

import java.util.List;

import io.github.eventsgateway.store.EventReader;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Reads timelines from the event store, in one Redis round trip each.
 */
@Service
public class TimelineService {

	private final EventReader reader;

	public TimelineService(EventReader reader) {
		this.reader = reader;
	}

	/**
	 * The timeline of a window.
	 * @param window the window
	 * @return the timeline, with only the types that have events in the window
	 */
	public Mono<TimelineView> timeline(TimelineWindow window) {
		return timeline(window, List.of());
	}

	/**
	 * The timeline of a window for some types.
	 * @param window the window
	 * @param types the types wanted under their stored names, or empty for every type
	 * @return the timeline, with only those of the types that have events in the window
	 */
	public Mono<TimelineView> timeline(TimelineWindow window, List<String> types) {
		return this.reader.timeline(window.from(), window.bucketLength(), window.buckets(), types)
			.map((timeline) -> TimelineView.of(window, timeline));
	}

}
