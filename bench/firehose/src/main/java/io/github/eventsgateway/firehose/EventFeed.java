package io.github.eventsgateway.firehose;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The public timeline: events generated on a fixed schedule (one every
 * {@code 1/eventsPerSecond} seconds of the clock), each shown once its visibility delay
 * has passed, and only the newest {@code windowSize} of them. Generation catches up with
 * the clock whenever the feed is read, so no thread is needed and a test clock can jump.
 */
final class EventFeed {

	private final EventGenerator generator;

	private final Clock clock;

	private final Duration visibilityDelay;

	private final int windowSize;

	private final ArrayDeque<GeneratedEvent> pending = new ArrayDeque<>();

	/** Visible events, oldest first. */
	private final ArrayDeque<GeneratedEvent> visible = new ArrayDeque<>();

	private final List<Long> generatedIds = new ArrayList<>();

	private long stepNanos;

	private Instant nextDue;

	EventFeed(EventGenerator generator, Clock clock, Duration visibilityDelay, int windowSize, double eventsPerSecond) {
		this.generator = generator;
		this.clock = clock;
		this.visibilityDelay = visibilityDelay;
		this.windowSize = windowSize;
		this.stepNanos = stepNanos(eventsPerSecond);
	}

	/** Starts (or resumes) generating from now on. */
	synchronized void startGenerating() {
		if (this.nextDue == null) {
			this.nextDue = this.clock.instant();
		}
	}

	/** Generates what is due up to now, then nothing more until started again. */
	synchronized void stopGenerating() {
		catchUp();
		this.nextDue = null;
	}

	/**
	 * Changes the rate from now on.
	 * @param eventsPerSecond the new rate
	 */
	synchronized void eventsPerSecond(double eventsPerSecond) {
		catchUp();
		this.stepNanos = stepNanos(eventsPerSecond);
		Instant now = this.clock.instant();
		if (this.nextDue != null && this.nextDue.isBefore(now)) {
			// no burst of the events a zero rate did not generate
			this.nextDue = now;
		}
	}

	synchronized boolean isGenerating() {
		return this.nextDue != null;
	}

	/**
	 * The visible events, newest first, from an offset.
	 * @param offset how many of the newest to skip
	 * @param count how many at most
	 * @return the events
	 */
	synchronized List<GeneratedEvent> newest(int offset, int count) {
		catchUp();
		List<GeneratedEvent> page = new ArrayList<>(count);
		Iterator<GeneratedEvent> newestFirst = this.visible.descendingIterator();
		for (int skipped = 0; skipped < offset && newestFirst.hasNext(); skipped++) {
			newestFirst.next();
		}
		while (page.size() < count && newestFirst.hasNext()) {
			page.add(newestFirst.next());
		}
		return page;
	}

	/** Every id generated so far, in order. */
	synchronized List<Long> generatedIds() {
		catchUp();
		return List.copyOf(this.generatedIds);
	}

	synchronized int generatedCount() {
		catchUp();
		return this.generatedIds.size();
	}

	private void catchUp() {
		Instant now = this.clock.instant();
		if (this.nextDue != null && this.stepNanos > 0) {
			while (!this.nextDue.isAfter(now)) {
				GeneratedEvent event = this.generator.next(this.nextDue);
				this.pending.addLast(event);
				this.generatedIds.add(event.id());
				this.nextDue = this.nextDue.plusNanos(this.stepNanos);
			}
		}
		while (!this.pending.isEmpty()
				&& !this.pending.peekFirst().createdAt().plus(this.visibilityDelay).isAfter(now)) {
			this.visible.addLast(this.pending.removeFirst());
		}
		while (this.visible.size() > this.windowSize) {
			this.visible.removeFirst();
		}
	}

	private static long stepNanos(double eventsPerSecond) {
		return (eventsPerSecond > 0) ? Math.max(1, Math.round(1_000_000_000 / eventsPerSecond)) : 0;
	}

}
