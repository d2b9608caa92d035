package io.github.eventsgateway.api.capture;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.eventsgateway.store.PollerStatus;
import io.github.eventsgateway.store.StreamCapture;
import io.github.eventsgateway.store.StreamIds;
import io.github.eventsgateway.store.StreamState;

/**
 * How complete an answer's window is: per stream of GitHub's feed, what the poller stored
 * and estimates it missed, and whether the window is still settling (GitHub delivers
 * events late: more may still arrive).
 *
 * @param streams per stream, the one kept complete first; empty when no poller reported
 * (a file import, a replay)
 * @param settling whether events created in the window may still arrive: the window ends
 * less than the feed's delivery delay (its 99th percentile, as the poller measures it)
 * before now
 * @param settledAt when the window stops settling, or {@code null} when the delay is not
 * known
 */
public record CaptureView(List<StreamView> streams, boolean settling, Instant settledAt) {

	/**
	 * The capture of a window.
	 * @param captures what the poller captured of each stream in the window
	 * @param status the poller's status: the streams' pages and types, and the delivery
	 * delay
	 * @param to the window's end
	 * @param now the current time
	 * @return the capture
	 */
	static CaptureView of(List<StreamCapture> captures, PollerStatus status, Instant to, Instant now) {
		Map<String, StreamState> states = status.streams()
			.stream()
			.collect(Collectors.toMap(StreamState::id, Function.identity(), (first, second) -> first));
		List<StreamCapture> sorted = new ArrayList<>(captures);
		sorted.sort(Comparator.comparingInt((StreamCapture capture) -> priority(states.get(capture.stream())))
			.thenComparing(StreamCapture::stream));
		List<StreamView> streams = new ArrayList<>(sorted.size());
		for (StreamCapture capture : sorted) {
			if (capture.captured() + capture.missed() > 0) {
				streams.add(StreamView.of(capture, states.get(capture.stream())));
			}
		}
		Duration delay = status.deliveryDelayP99();
		Instant settledAt = (delay != null) ? to.plus(delay).truncatedTo(ChronoUnit.SECONDS) : null;
		return new CaptureView(List.copyOf(streams), settledAt != null && now.isBefore(settledAt), settledAt);
	}

	/**
	 * The stream kept complete first comes first; streams the poller no longer reads
	 * last.
	 */
	private static int priority(StreamState state) {
		return (state != null) ? state.priority() : Integer.MAX_VALUE;
	}

	/**
	 * What the poller stored of one stream over the window.
	 *
	 * @param stream the stream's id: {@code p1} (page 1), {@code p2-3} (pages 2 and 3),
	 * {@code p1-3} (a classic feed)
	 * @param pages the pages of {@code /events} that show it, as the poller sees them
	 * now; for a stream it no longer reads (the classic layout it starts with, before it
	 * sees the feed split), the pages its id names
	 * @param types its most frequent event types, most frequent first
	 * @param captured events stored from its reads
	 * @param estimatedMissed events estimated to have passed unseen, or {@code null} when
	 * some did and the poller could not tell how many (it never measured the stream's
	 * rate: most reads found only new events)
	 * @param share {@code captured / (captured + estimatedMissed)}, rounded to 4 places,
	 * or {@code null} with {@code estimatedMissed}
	 */
	public record StreamView(String stream, List<Integer> pages, List<String> types, long captured,
			Long estimatedMissed, Double share) {

		static StreamView of(StreamCapture capture, StreamState state) {
			Double share = capture.share();
			return new StreamView(capture.stream(), (state != null) ? state.pages() : StreamIds.pages(capture.stream()),
					(state != null) ? state.types() : List.of(), capture.captured(),
					capture.isEstimated() ? capture.missed() : null,
					(share != null) ? Math.round(share * 10_000) / 10_000.0 : null);
		}

	}

}
