package io.github.eventsgateway.api.timeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.eventsgateway.api.capture.CaptureAnswers;
import io.github.eventsgateway.api.hot.HotCache;
import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.store.EventReader;
import io.github.eventsgateway.store.Timeline;
import io.github.eventsgateway.store.Versioned;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Reads timelines from the event store, once per window and store version: the JSON
 * endpoint, the chart and the dashboard stream share the answers kept. When a window
 * moves on by a bucket and the store did not change, only the new bucket is read.
 */
@Service
public class TimelineService {

	/** Series whose last read is kept at most: beyond, they are forgotten together. */
	private static final int MAX_SERIES = 256;

	private final EventReader reader;

	private final HotCache<Query, TimelineView> answers;

	private final CaptureAnswers capture;

	/**
	 * The last counts read of each series, to read only the buckets a later window adds.
	 */
	private final Map<Series, Versioned<Timeline>> lastReads = new ConcurrentHashMap<>();

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
				() -> Mono.zip(counts(window, types), this.capture.of(window.from(), window.to()))
					.map((read) -> Versioned.combine(read.getT1(), read.getT2(),
							TimelineView.of(window, read.getT1().value(), read.getT2().value()))));
	}

	/**
	 * The counts of a window's buckets. When the last read of the same series is of the
	 * same store version and its window overlaps, only the buckets it lacks are read (at
	 * a new bucket, a window of 60 buckets costs Redis one bucket's counts, not 60); else
	 * the whole window is.
	 */
	private Mono<Versioned<Timeline>> counts(TimelineWindow window, List<String> types) {
		Series series = new Series(window.offsetMinutes(), window.bucketMinutes(), types);
		Versioned<Timeline> last = this.lastReads.get(series);
		Mono<Versioned<Timeline>> whole = Mono
			.defer(() -> this.reader.timelineVersioned(window.from(), window.bucketLength(), window.buckets(), types));
		Mono<Versioned<Timeline>> read = whole;
		if (last != null && last.value().from().isBefore(window.from()) && last.value().to().isAfter(window.from())) {
			int missing = Math.toIntExact(
					Duration.between(last.value().to(), window.to()).toSeconds() / window.bucketLength().toSeconds());
			read = this.reader.timelineVersioned(last.value().to(), window.bucketLength(), missing, types)
				.flatMap((next) -> next.version().equals(last.version())
						? Mono.just(
								new Versioned<>(next.version(), last.value().movedOnBy(next.value()), next.validFor()))
						: whole);
		}
		return read.doOnNext((counts) -> remember(series, counts));
	}

	private void remember(Series series, Versioned<Timeline> counts) {
		if (this.lastReads.size() >= MAX_SERIES) {
			this.lastReads.clear();
		}
		this.lastReads.put(series, counts);
	}

	/**
	 * The windows of one length, bucket and types, whatever their end: the key of the
	 * last read counts.
	 *
	 * @param offsetMinutes the window's length
	 * @param bucketMinutes the buckets' length
	 * @param types the types, or empty for every type
	 */
	private record Series(int offsetMinutes, int bucketMinutes, List<String> types) {

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
