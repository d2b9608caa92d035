package io.github.eventsgateway.poller.fileimport;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.StreamState;

/**
 * A file of events as an endless live feed. The wall clock is cut into rounds of equal
 * length; each round plays the whole file once, its span stretched to fill the round (the
 * events of one second of the file spread evenly over their share of it), with ids
 * renewed so that each round's events are new to the store. Where an event lands depends
 * only on the file and the clock, so a replay that restarts finds what it stored before
 * as duplicates, and any window of a round's length holds the file once.
 */
final class ReplayFeed {

	private final String name;

	private final List<GitHubEvent> events;

	/** Where each event lands within a round, in milliseconds, ascending. */
	private final long[] offsets;

	private final long roundMillis;

	/**
	 * The length of the longest id: a round's number goes in front of ids padded to it.
	 */
	private final int idWidth;

	private ReplayFeed(String name, List<GitHubEvent> events, long[] offsets, long roundMillis, int idWidth) {
		this.name = name;
		this.events = events;
		this.offsets = offsets;
		this.roundMillis = roundMillis;
		this.idWidth = idWidth;
	}

	/**
	 * The feed of a file's events.
	 * @param name the file's name
	 * @param events the file's events, in any order
	 * @param round how long one round of the file lasts
	 * @return the feed
	 */
	static ReplayFeed of(String name, List<GitHubEvent> events, Duration round) {
		// Ordered by time, then id: the same file lands the same way whatever its lines'
		// order.
		List<GitHubEvent> sorted = events.stream()
			.sorted(Comparator.comparing(GitHubEvent::createdAt).thenComparing(GitHubEvent::id))
			.toList();
		long roundMillis = round.toMillis();
		long[] offsets = new long[sorted.size()];
		if (!sorted.isEmpty()) {
			long first = sorted.get(0).createdAt().getEpochSecond();
			long seconds = sorted.get(sorted.size() - 1).createdAt().getEpochSecond() - first + 1;
			int i = 0;
			while (i < sorted.size()) {
				long second = sorted.get(i).createdAt().getEpochSecond();
				int end = i;
				while (end < sorted.size() && sorted.get(end).createdAt().getEpochSecond() == second) {
					end++;
				}
				int inSecond = end - i;
				for (int j = 0; j < inSecond; j++) {
					// ((second - first) + j / inSecond) / seconds of the round, without
					// rounding
					// errors that could reorder two events
					offsets[i + j] = Math.floorDiv(roundMillis * ((second - first) * inSecond + j), seconds * inSecond);
				}
				i = end;
			}
		}
		int idWidth = sorted.stream().mapToInt((event) -> event.id().length()).max().orElse(0);
		return new ReplayFeed(name, sorted, offsets, roundMillis, idWidth);
	}

	/**
	 * The events that land after one moment, up to and including another.
	 * @param from the moment after which they land
	 * @param to the last moment they may land at
	 * @return the events, in the order they land, their ids renewed for their round and
	 * their {@code created_at} the whole second they land in
	 */
	List<GitHubEvent> between(Instant from, Instant to) {
		long fromMillis = from.toEpochMilli();
		long toMillis = to.toEpochMilli();
		List<GitHubEvent> landed = new ArrayList<>();
		if (this.events.isEmpty() || toMillis <= fromMillis) {
			return landed;
		}
		for (long round = Math.floorDiv(fromMillis, this.roundMillis); round <= Math.floorDiv(toMillis,
				this.roundMillis); round++) {
			long start = round * this.roundMillis;
			for (int i = firstAfter(fromMillis - start); i < this.offsets.length
					&& this.offsets[i] <= toMillis - start; i++) {
				landed.add(inRound(this.events.get(i), round, start + this.offsets[i]));
			}
		}
		return landed;
	}

	/** How many events the feed brings per second. */
	double eventsPerSecond() {
		return this.events.size() * 1000.0 / this.roundMillis;
	}

	/**
	 * The file's most frequent event types.
	 * @param limit how many at most
	 * @return the types, most frequent first
	 */
	List<String> types(int limit) {
		Map<String, Integer> counts = new HashMap<>();
		this.events.forEach((event) -> counts.merge(event.type(), 1, Integer::sum));
		return StreamState.mostFrequent(counts, limit);
	}

	/** The file's name. */
	String name() {
		return this.name;
	}

	/** How many events one round plays. */
	int size() {
		return this.events.size();
	}

	/** The index of the first event whose offset lies after the given one. */
	private int firstAfter(long offset) {
		int low = 0;
		int high = this.offsets.length;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (this.offsets[middle] <= offset) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	private GitHubEvent inRound(GitHubEvent event, long round, long landsAt) {
		// The round's number in front of the id padded to a fixed width: unique per round
		// and
		// event, and digits still, as GitHub's ids are.
		String id = round + "0".repeat(this.idWidth - event.id().length()) + event.id();
		return new GitHubEvent(id, event.type(), event.repoId(), event.repoName(), event.actor(),
				Instant.ofEpochMilli(landsAt).truncatedTo(ChronoUnit.SECONDS), event.action());
	}

}
