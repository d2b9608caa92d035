package io.github.eventsgateway.firehose;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * Every request the stand-in answered, in the order answered, and what the benchmarks
 * count in it.
 */
final class RequestLog {

	private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();

	void add(RecordedRequest request) {
		this.requests.add(request);
	}

	List<RecordedRequest> all() {
		return List.copyOf(this.requests);
	}

	/** Requests by path, credential, page and status. */
	List<RequestCount> counts() {
		record Key(String path, String credential, int page, int status) {
		}
		Map<Key, Long> counts = this.requests.stream()
			.collect(Collectors.groupingBy(
					(request) -> new Key(request.path(), request.credential(), request.page(), request.status()),
					Collectors.counting()));
		return counts.entrySet()
			.stream()
			.map((entry) -> new RequestCount(entry.getKey().path(), entry.getKey().credential(), entry.getKey().page(),
					entry.getKey().status(), entry.getValue()))
			.sorted(Comparator.comparing(RequestCount::path)
				.thenComparing(RequestCount::credential)
				.thenComparingInt(RequestCount::page)
				.thenComparingInt(RequestCount::status))
			.toList();
	}

	/** How many answers were an injected {@link Fault#SECONDARY_RATE_LIMIT}. */
	long injectedSecondaryLimits() {
		return this.requests.stream().filter((request) -> request.fault() == Fault.SECONDARY_RATE_LIMIT).count();
	}

	/**
	 * The most requests each credential sent to {@code /events} in any sliding window.
	 * @param window the window's length
	 * @return the most, by credential
	 */
	Map<String, Integer> maxRequestsInAnyWindow(Duration window) {
		Map<String, List<RecordedRequest>> byCredential = this.requests.stream()
			.filter((request) -> RecordedRequest.EVENTS.equals(request.path()))
			.collect(Collectors.groupingBy(RecordedRequest::credential, TreeMap::new, Collectors.toList()));
		return byCredential.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> maxInWindow(entry.getValue(), window),
					(one, other) -> one, TreeMap::new));
	}

	private static int maxInWindow(List<RecordedRequest> requests, Duration window) {
		List<RecordedRequest> byTime = requests.stream()
			.sorted(Comparator.comparing(RecordedRequest::receivedAt))
			.toList();
		ArrayDeque<RecordedRequest> inWindow = new ArrayDeque<>();
		int max = 0;
		for (RecordedRequest request : byTime) {
			inWindow.addLast(request);
			while (!inWindow.peekFirst().receivedAt().isAfter(request.receivedAt().minus(window))) {
				inWindow.removeFirst();
			}
			max = Math.max(max, inWindow.size());
		}
		return max;
	}

}
