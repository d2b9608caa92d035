package io.github.eventsgateway.firehose;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One stream of the feed: events generated on a fixed schedule ({@code 1/eventsPerSecond}
 * apart), each with its own visibility delay, and a window of the newest visible ones
 * that its pages show. An event shows at the top of the window, except a late one, which
 * surfaces up to {@code surfaceDepth} below it. Not thread-safe: the {@link EventFeed}
 * that owns it holds the lock.
 */
final class EventStream {

	private final FeedStream name;

	private final int capacity;

	private final EventGenerator generator;

	private final VisibilityDelays delays;

	private final int surfaceDepth;

	private final StreamLedger ledger;

	/** The visible events, newest first, at most {@link #capacity}. */
	private final ArrayList<FeedEvent> window;

	private double eventsPerSecond;

	private long stepNanos;

	private Instant nextDue;

	EventStream(FeedStream name, int capacity, EventGenerator generator, VisibilityDelays delays, int surfaceDepth,
			double eventsPerSecond) {
		this.name = name;
		this.capacity = capacity;
		this.generator = generator;
		this.delays = delays;
		this.surfaceDepth = surfaceDepth;
		this.ledger = new StreamLedger(name);
		this.window = new ArrayList<>(capacity + 1);
		this.eventsPerSecond = eventsPerSecond;
		this.stepNanos = stepNanos(eventsPerSecond);
	}

	FeedStream name() {
		return this.name;
	}

	/** How many events its pages show at most. */
	int capacity() {
		return this.capacity;
	}

	StreamLedger ledger() {
		return this.ledger;
	}

	double eventsPerSecond() {
		return this.eventsPerSecond;
	}

	void start(Instant now) {
		if (this.nextDue == null) {
			this.nextDue = now;
		}
	}

	void stop() {
		this.nextDue = null;
	}

	boolean isGenerating() {
		return this.nextDue != null;
	}

	/**
	 * Changes the rate from now on.
	 * @param eventsPerSecond the new rate
	 * @param now the time of the change
	 */
	void eventsPerSecond(double eventsPerSecond, Instant now) {
		this.eventsPerSecond = eventsPerSecond;
		this.stepNanos = stepNanos(eventsPerSecond);
		if (this.nextDue != null && this.nextDue.isBefore(now)) {
			// no burst of the events a zero rate did not generate
			this.nextDue = now;
		}
	}

	/**
	 * When the next event is due, if one is due by then.
	 * @param now the time up to which events are due
	 * @return its created_at, or {@code null}
	 */
	Instant nextDueBy(Instant now) {
		return (this.nextDue != null && this.stepNanos > 0 && !this.nextDue.isAfter(now)) ? this.nextDue : null;
	}

	/**
	 * Generates the event that is due next, with its visibility drawn.
	 * @param sequence its place in the order of generation
	 * @param visibility the dice of visibility delays
	 * @return the event, not visible yet
	 */
	FeedEvent generate(long sequence, SplittableRandom visibility) {
		Instant createdAt = this.nextDue;
		GeneratedEvent event = this.generator.next(createdAt);
		long delay = this.delays.draw(visibility);
		this.nextDue = createdAt.plusNanos(this.stepNanos);
		this.ledger.recordGenerated();
		return new FeedEvent(event, this, createdAt.plusNanos(delay), this.delays.isLate(delay), sequence);
	}

	/**
	 * Shows an event whose time has come.
	 * @param event the event
	 * @param surfacing the dice of where a late event surfaces
	 */
	void show(FeedEvent event, SplittableRandom surfacing) {
		int position = 0;
		if (event.late() && this.surfaceDepth > 0) {
			position = Math.min(surfacing.nextInt(this.surfaceDepth + 1),
					Math.min(this.window.size(), this.capacity - 1));
		}
		this.window.add(position, event);
		if (this.window.size() > this.capacity) {
			this.window.remove(this.window.size() - 1);
		}
		event.shownAs(this.ledger.recordVisible(event.id(), event.type(), event.createdAt(), event.visibleAt()));
	}

	/**
	 * Adds a slice of the window, newest first.
	 * @param page where to add
	 * @param from the first position (0 = newest)
	 * @param to the position after the last
	 */
	void addWindow(List<FeedEvent> page, int from, int to) {
		for (int i = from; i < Math.min(to, this.window.size()); i++) {
			page.add(this.window.get(i));
		}
	}

	private static long stepNanos(double eventsPerSecond) {
		return (eventsPerSecond > 0) ? Math.max(1, Math.round(1_000_000_000 / eventsPerSecond)) : 0;
	}

}
