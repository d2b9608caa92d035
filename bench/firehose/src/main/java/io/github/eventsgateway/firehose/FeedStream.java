package io.github.eventsgateway.firehose;

import java.util.Locale;
import java.util.Set;

/**
 * A stream of events with its own rate and its own pages: {@link #ALL} in the classic
 * feed, {@link #PUSH} (page 1) and {@link #OTHER} (pages 2 and 3) in the split feed.
 */
public enum FeedStream {

	/** Every event type (classic feed). */
	ALL,

	/** PushEvent, CreateEvent and DeleteEvent (split feed, page 1). */
	PUSH,

	/** Every other type (split feed, pages 2 and 3). */
	OTHER;

	private static final Set<String> PUSH_TYPES = Set.of("PushEvent", "CreateEvent", "DeleteEvent");

	/**
	 * The name used on the command line and over HTTP: {@code all}, {@code push},
	 * {@code other}.
	 */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a stream's name.
	 * @param key {@code all}, {@code push} or {@code other}, in any case
	 * @return the stream
	 * @throws IllegalArgumentException for any other name
	 */
	public static FeedStream of(String key) {
		return valueOf(key.trim().toUpperCase(Locale.ROOT));
	}

	/**
	 * The split-feed stream that carries an event type.
	 * @param type the event type
	 * @return {@link #PUSH} or {@link #OTHER}
	 */
	static FeedStream splitStreamOf(String type) {
		return PUSH_TYPES.contains(type) ? PUSH : OTHER;
	}

}
