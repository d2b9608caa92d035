package io.github.eventsgateway.store;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One stream of the feed as the poller sees it now: the pages that show it, what it
 * carries, how fast it moves and how the poller reads it.
 *
 * @param id the stream's id, such as {@code p1} or {@code p2-3}
 * @param pages the pages of {@code /events} that show it, top first
 * @param types its most frequent event types, most frequent first
 * @param eventsPerSecond how many new events it shows per second, or {@code null} before
 * the poller could measure it
 * @param readIntervalSeconds how often the poller reads it now
 * @param priority 1 for the stream kept complete first, 2 for the next...
 */
public record StreamState(String id, List<Integer> pages, List<String> types, Double eventsPerSecond,
		Double readIntervalSeconds, int priority) {

	/**
	 * A stream's most frequent types, as {@link #types()} lists them.
	 * @param counts events per type
	 * @param limit how many types at most
	 * @return the types, most frequent first, equally frequent ones by name
	 */
	public static List<String> mostFrequent(Map<String, Integer> counts, int limit) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.limit(limit)
			.map(Map.Entry::getKey)
			.toList();
	}

}
