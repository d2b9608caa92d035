package io.github.eventsgateway.poller.capture;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.eventsgateway.poller.credentials.Credential;
import io.github.eventsgateway.poller.pacing.RequestBudget;

/**
 * Decides which stream of the feed to read next, and when: the budget goes where it buys
 * the most of what the API serves.
 * <p>
 * Streams are served in order of their rate, the slowest first. The slow stream is the
 * one of pull requests, issues, stars and repositories made public (pages 2 and 3 of
 * today's github.com): its events are the rarer, each is worth more to the API's answers,
 * and keeping it complete costs few requests. The fast Push/Create/Delete stream (page 1)
 * then gets every request that remains, each of which buys a full page of new events. A
 * stream reads when its schedule says it is due; a slower stream's upcoming sweep is
 * never starved: a faster one only takes a request if the budget will still have what the
 * slower one needs when it comes due. On a classic feed, the one stream gets it all. Not
 * thread safe: the capture loop is its only user.
 */
final class CaptureScheduler {

	private final FeedLayout layout;

	private final RequestBudget budget;

	private final Duration minInterval;

	private final Duration maxInterval;

	private final Map<PageRange, StreamSchedule> schedules = new LinkedHashMap<>();

	CaptureScheduler(FeedLayout layout, RequestBudget budget, Duration minInterval, Duration maxInterval) {
		this.layout = layout;
		this.budget = budget;
		this.minInterval = minInterval;
		this.maxInterval = maxInterval;
	}

	/**
	 * The next step.
	 * @param now the current time
	 * @return a stream to sweep now, with the credential granted for its first request,
	 * or when to look again
	 */
	Plan next(Instant now) {
		List<StreamSchedule> streams = byPriority();
		double allowance = this.budget.allowance(now);
		double rate = this.budget.rate(now);
		shareOut(streams, rate);
		Instant wakeAt = Instant.MAX;
		for (int i = 0; i < streams.size(); i++) {
			StreamSchedule stream = streams.get(i);
			Instant due = stream.dueAt();
			if (due.isAfter(now)) {
				wakeAt = earliest(wakeAt, due);
				continue;
			}
			boolean calibration = stream.wantsCalibration(now);
			double needed = calibration ? 2 : stream.expectedRequests(now);
			// A calibration's second read was granted with its first: were it to wait for
			// a slower stream, it would come too late to measure anything.
			boolean granted = stream.isCalibrationSecondDue();
			if (allowance < (granted ? 1 : needed) || (!granted
					&& !sparesSlowerStreams(streams.subList(0, i), now, allowance, rate, calibration ? 2 : 1))) {
				// Due but waiting for budget: no faster stream may take it meanwhile.
				return Plan.waitUntil(earliest(wakeAt, budgetFor(needed, allowance, rate, now)));
			}
			Credential credential = this.budget.take(now).orElse(null);
			if (credential == null) {
				return Plan.waitUntil(earliest(wakeAt, this.budget.availableAt(now)));
			}
			if (calibration) {
				stream.calibrate();
			}
			return Plan.sweep(stream, credential);
		}
		return Plan.waitUntil(wakeAt);
	}

	/** The streams, the one kept complete first. */
	List<StreamSchedule> byPriority() {
		List<PageRange> ranges = this.layout.streams();
		this.schedules.keySet().retainAll(ranges);
		List<StreamSchedule> streams = new ArrayList<>(ranges.size());
		for (PageRange range : ranges) {
			streams.add(this.schedules.computeIfAbsent(range,
					(pages) -> new StreamSchedule(pages, this.minInterval, this.maxInterval)));
		}
		// Unknown rates first, to measure them; then the slowest measured; then those
		// known only by the floor their saturated reads prove, which are faster than it
		// by an unknown amount: ranked by that floor, page 1 read every 1.5 s would seem
		// to run at 67 events/s and take the budget of pages 2-3 at 100.
		streams.sort(Comparator.comparingInt(CaptureScheduler::rank)
			.thenComparingDouble((StreamSchedule stream) -> (stream.rate() != null) ? stream.rate() : 0)
			.thenComparingInt((stream) -> stream.pages().top()));
		return streams;
	}

	/**
	 * Tells each stream, in order, what the budget's pace leaves it once the streams
	 * before it have what they need: a stream the rest cannot keep on known ground is
	 * read only as often as each read buys a full page.
	 */
	private static void shareOut(List<StreamSchedule> streams, double requestsPerSecond) {
		double spare = requestsPerSecond;
		for (StreamSchedule stream : streams) {
			spare -= stream.paceWithin(spare);
		}
	}

	private static int rank(StreamSchedule stream) {
		if (stream.rate() == null) {
			return 0;
		}
		return stream.isMeasured() ? 1 : 2;
	}

	/**
	 * Whether taking some requests now leaves every slower stream, not yet due, what its
	 * next sweep needs when it comes due.
	 */
	private static boolean sparesSlowerStreams(List<StreamSchedule> slower, Instant now, double allowance, double rate,
			int taken) {
		for (StreamSchedule stream : slower) {
			Instant due = stream.dueAt();
			double seconds = Math.max(0, Duration.between(now, due).toNanos() / 1e9);
			if (allowance - taken + rate * seconds < stream.expectedRequests(due)) {
				return false;
			}
		}
		return true;
	}

	private Instant budgetFor(double needed, double allowance, double rate, Instant now) {
		Instant available = this.budget.availableAt(now);
		if (rate <= 0) {
			return available;
		}
		Instant refilled = now.plusNanos((long) (Math.max(0, needed - allowance) / rate * 1e9));
		return available.isAfter(refilled) ? available : refilled;
	}

	private static Instant earliest(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/**
	 * The next step of the capture loop.
	 *
	 * @param stream the stream to sweep now, or {@code null} to wait
	 * @param credential the credential granted for the sweep's first request
	 * @param wakeAt when to look again, when waiting
	 */
	record Plan(StreamSchedule stream, Credential credential, Instant wakeAt) {

		static Plan sweep(StreamSchedule stream, Credential credential) {
			return new Plan(stream, credential, null);
		}

		static Plan waitUntil(Instant wakeAt) {
			return new Plan(null, null, wakeAt);
		}

		boolean isSweep() {
			return this.stream != null;
		}

	}

}
