package io.github.eventsgateway.api.counts;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last answer of each counts query, reused while both the window's end (a whole
 * second) and the store's version are unchanged. Under load many requests fall in one
 * second; they then cost Redis one hash read instead of a {@code ZCOUNT} per type, and
 * this replica no re-sorting. The answer stays exact, and every replica gives the same
 * one, since Redis confirms the version on every request.
 */
final class CountsMemo {

	/**
	 * Enough for every query a dashboard or client asks; a flood of others just clears
	 * it.
	 */
	private static final int MAX_ENTRIES = 1024;

	private final Map<CountsQuery, Answer> answers = new ConcurrentHashMap<>();

	/**
	 * The remembered answer for a query and window end, if any.
	 * @param query the query
	 * @param to the window's end
	 * @return the answer, or {@code null}
	 */
	Answer lookup(CountsQuery query, Instant to) {
		Answer answer = this.answers.get(query);
		return (answer != null && answer.counts().to().equals(to)) ? answer : null;
	}

	void remember(CountsQuery query, String version, EventCounts counts) {
		if (this.answers.size() >= MAX_ENTRIES) {
			this.answers.clear();
		}
		this.answers.put(query, new Answer(version, counts));
	}

	/**
	 * An answer and the store version it was counted at.
	 *
	 * @param version the store's version
	 * @param counts the answer
	 */
	record Answer(String version, EventCounts counts) {

	}

}
