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
		return this.reader.timeline(window.from(), window.bucketLength(), window.buckets(), List.of())
			.map((timeline) -> TimelineView.of(window, timeline));
	}

}
