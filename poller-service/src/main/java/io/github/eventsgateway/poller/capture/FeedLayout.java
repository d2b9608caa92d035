package io.github.eventsgateway.poller.capture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.StreamState;

/**
 * Which pages of {@code /events} show one stream of events, learnt from what each page
 * carries. On the classic feed (GitHub Enterprise, older recordings) every page shows the
 * same mix of types, because page 2 holds what page 1 held a moment ago: one stream over
 * all pages. Since 2025 github.com shows a Push/Create/Delete stream on page 1 and every
 * other type on pages 2 and 3: two streams. Two neighbouring pages belong to different
 * streams once both have shown enough events and their type mixes hardly overlap (a total
 * variation distance above {@value #SPLIT_DISTANCE}). Until then the pages are taken as
 * one stream. Not thread safe: the capture loop is its only user.
 */
final class FeedLayout {

	/** Events remembered per page for its type mix. */
	static final int MIX_SIZE = 600;

	/** Events a page must have shown before it may be told apart from its neighbour. */
	static final int MIN_EVENTS = 200;

	/** Type mixes further apart than this mean two streams: ~0.1 within one, ~1 apart. */
	static final double SPLIT_DISTANCE = 0.6;

	private final int pages;

	private final Map<Integer, TypeMix> mixes = new HashMap<>();

	private List<PageRange> streams;

	/**
	 * Creates the layout of a feed.
	 * @param pages how many pages the feed has (or the poller may read)
	 */
	FeedLayout(int pages) {
		this.pages = pages;
		for (int page = 1; page <= pages; page++) {
			this.mixes.put(page, new TypeMix());
		}
		this.streams = List.of(new PageRange(1, pages));
	}

	/**
	 * Learns from a page's events.
	 * @param page the page
	 * @param events what it showed
	 * @return whether the streams changed
	 */
	boolean observe(int page, List<GitHubEvent> events) {
		TypeMix mix = this.mixes.get(page);
		if (mix == null) {
			return false;
		}
		events.forEach((event) -> mix.add(event.type()));
		List<PageRange> streams = split();
		if (streams.equals(this.streams)) {
			return false;
		}
		this.streams = streams;
		return true;
	}

	/**
	 * Shortens the feed: GitHub said a page does not exist.
	 * @param lastPage the last page that does
	 * @return whether the streams changed
	 */
	boolean endsAt(int lastPage) {
		if (lastPage >= this.pages || lastPage < 1) {
			return false;
		}
		List<PageRange> streams = new ArrayList<>();
		for (PageRange range : this.streams) {
			if (range.top() <= lastPage) {
				streams.add(new PageRange(range.top(), Math.min(range.bottom(), lastPage)));
			}
		}
		boolean changed = !streams.equals(this.streams);
		this.streams = List.copyOf(streams);
		for (int page = lastPage + 1; page <= this.pages; page++) {
			this.mixes.remove(page);
		}
		return changed;
	}

	/** The streams, top page first. */
	List<PageRange> streams() {
		return this.streams;
	}

	/**
	 * The most frequent types a stream showed.
	 * @param range the stream's pages
	 * @param limit how many types at most
	 * @return the types, most frequent first
	 */
	List<String> types(PageRange range, int limit) {
		Map<String, Integer> counts = new HashMap<>();
		for (int page = range.top(); page <= range.bottom(); page++) {
			TypeMix mix = this.mixes.get(page);
			if (mix != null) {
				mix.counts.forEach((type, count) -> counts.merge(type, count, Integer::sum));
			}
		}
		return StreamState.mostFrequent(counts, limit);
	}

	private List<PageRange> split() {
		List<PageRange> streams = new ArrayList<>();
		int top = 1;
		int last = this.mixes.size();
		for (int page = 1; page < last; page++) {
			if (this.mixes.get(page).differsFrom(this.mixes.get(page + 1))) {
				streams.add(new PageRange(top, page));
				top = page + 1;
			}
		}
		streams.add(new PageRange(top, last));
		return List.copyOf(streams);
	}

	/** The types of a page's most recent events. */
	private static final class TypeMix {

		private final Deque<String> recent = new ArrayDeque<>();

		private final Map<String, Integer> counts = new HashMap<>();

		void add(String type) {
			this.recent.addLast(type);
			this.counts.merge(type, 1, Integer::sum);
			if (this.recent.size() > MIX_SIZE) {
				this.counts.computeIfPresent(this.recent.removeFirst(),
						(name, count) -> (count > 1) ? count - 1 : null);
			}
		}

		boolean differsFrom(TypeMix other) {
			if (this.recent.size() < MIN_EVENTS || other.recent.size() < MIN_EVENTS) {
				return false;
			}
			double distance = 0;
			Map<String, Integer> all = new HashMap<>(this.counts);
			other.counts.forEach((type, count) -> all.putIfAbsent(type, 0));
			for (String type : all.keySet()) {
				double mine = this.counts.getOrDefault(type, 0) / (double) this.recent.size();
				double theirs = other.counts.getOrDefault(type, 0) / (double) other.recent.size();
				distance += Math.abs(mine - theirs);
			}
			return distance / 2 > SPLIT_DISTANCE;
		}

	}

}
