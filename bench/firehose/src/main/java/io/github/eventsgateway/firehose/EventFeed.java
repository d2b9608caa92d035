package io.github.eventsgateway.firehose;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The public timeline: one or more {@link EventStream}s laid end to end over the pages
 * (classic: one stream of 300; split: the push stream's 100 on page 1, the other stream's
 * 200 on pages 2 and 3). Generation and visibility catch up with the clock whenever the
 * feed is read, in the order they happen, so no thread is needed and a test clock can
 * jump.
 */
final class EventFeed {

	private final Clock clock;

	private final List<EventStream> streams;

	private final SplittableRandom visibility;

	/** Generated events waiting for their visibility time. */
	private final PriorityQueue<FeedEvent> pending = new PriorityQueue<>(
			Comparator.comparing(FeedEvent::visibleAt).thenComparingLong(FeedEvent::sequence));

	private final LongList generatedIds = new LongList();

	private long sequence;

	private EventFeed(Clock clock, List<EventStream> streams, long seed) {
		this.clock = clock;
		this.streams = List.copyOf(streams);
		this.visibility = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
		this.streams.forEach((stream) -> stream.ledger().catchUpWith(this::catchUpNow));
	}

	/**
	 * The classic feed: one stream of every type, a fixed delay, the newest
	 * {@code windowSize}.
	 */
	static EventFeed classic(FirehoseSettings settings) {
		EventGenerator generator = new EventGenerator(EventTemplates.load(), settings.seed());
		return new EventFeed(settings.clock(),
				List.of(new EventStream(FeedStream.ALL, settings.windowSize(), generator,
						VisibilityDelays.fixed(settings.visibilityDelay()), 0, settings.eventsPerSecond())),
				settings.seed());
	}

	/**
	 * The split feed: the push stream on page 1, every other type on pages 2 and 3, ids
	 * from two interleaved families, payloads trimmed as in October 2025.
	 */
	static EventFeed split(FirehoseSettings settings) {
		SplitFeedSettings split = settings.split();
		EventTemplates templates = EventTemplates.trimmed();
		SplittableRandom random = new SplittableRandom(settings.seed());
		IdFamilies ids = IdFamilies.interleaved(EventGenerator.FIRST_ID, IdFamilies.SECOND_FAMILY_START);
		VisibilityDelays delays = VisibilityDelays.of(split);
		EventStream push = new EventStream(FeedStream.PUSH, 100,
				new EventGenerator(templates.only((type) -> FeedStream.splitStreamOf(type) == FeedStream.PUSH),
						random.split(), ids),
				delays, split.surfaceDepth(), split.pushRate());
		EventStream other = new EventStream(FeedStream.OTHER, 200,
				new EventGenerator(templates.only((type) -> FeedStream.splitStreamOf(type) == FeedStream.OTHER),
						random.split(), ids),
				delays, split.surfaceDepth(), split.otherRate());
		return new EventFeed(settings.clock(), List.of(push, other), settings.seed());
	}

	/** Starts (or resumes) generating from now on. */
	synchronized void startGenerating() {
		Instant now = this.clock.instant();
		this.streams.forEach((stream) -> stream.start(now));
	}

	/** Generates what is due up to now, then nothing more until started again. */
	synchronized void stopGenerating() {
		catchUp();
		this.streams.forEach(EventStream::stop);
	}

	synchronized boolean isGenerating() {
		return this.streams.stream().anyMatch(EventStream::isGenerating);
	}

	/**
	 * Changes a stream's rate from now on.
	 * @param name the stream
	 * @param eventsPerSecond the new rate
	 */
	synchronized void eventsPerSecond(FeedStream name, double eventsPerSecond) {
		if (eventsPerSecond < 0) {
			throw new IllegalArgumentException("A rate must not be negative");
		}
		catchUp();
		stream(name).eventsPerSecond(eventsPerSecond, this.clock.instant());
	}

	synchronized double eventsPerSecond(FeedStream name) {
		return stream(name).eventsPerSecond();
	}

	/** The streams, in page order. */
	List<FeedStream> streams() {
		return this.streams.stream().map(EventStream::name).toList();
	}

	/**
	 * A stream's ledger (which catches the feed up before each query).
	 * @param name the stream
	 * @return its ledger
	 */
	StreamLedger ledger(FeedStream name) {
		return stream(name).ledger();
	}

	/** Generates and shows what is due up to now. */
	synchronized void catchUpNow() {
		catchUp();
	}

	/** How many events the pages show at most: 300 in both feeds. */
	int capacity() {
		return this.streams.stream().mapToInt(EventStream::capacity).sum();
	}

	/**
	 * The visible events, newest first, from an offset of the pages laid end to end.
	 * @param offset how many positions to skip
	 * @param count how many at most
	 * @return the events
	 */
	synchronized List<FeedEvent> newest(int offset, int count) {
		catchUp();
		List<FeedEvent> page = new ArrayList<>(Math.min(count, capacity()));
		int slotStart = 0;
		for (EventStream stream : this.streams) {
			int slotEnd = slotStart + stream.capacity();
			int from = Math.max(offset, slotStart);
			int to = (int) Math.min((long) offset + count, slotEnd);
			if (from < to) {
				stream.addWindow(page, from - slotStart, to - slotStart);
			}
			slotStart = slotEnd;
		}
		return page;
	}

	/** Every id generated so far, in order. */
	synchronized List<Long> generatedIds() {
		catchUp();
		List<Long> ids = new ArrayList<>(this.generatedIds.size());
		for (int i = 0; i < this.generatedIds.size(); i++) {
			ids.add(this.generatedIds.get(i));
		}
		return ids;
	}

	synchronized int generatedCount() {
		catchUp();
		return this.generatedIds.size();
	}

	/**
	 * Plays what happened since the last read, in time order: the next event due in any
	 * stream is generated unless a pending event becomes visible first. Pending events
	 * are therefore at most those within a visibility delay, however far the clock
	 * jumped.
	 */
	private void catchUp() {
		Instant now = this.clock.instant();
		while (true) {
			EventStream due = null;
			Instant dueAt = null;
			for (EventStream stream : this.streams) {
				Instant next = stream.nextDueBy(now);
				if (next != null && (dueAt == null || next.isBefore(dueAt))) {
					due = stream;
					dueAt = next;
				}
			}
			FeedEvent showing = this.pending.peek();
			boolean shows = showing != null && !showing.visibleAt().isAfter(now)
					&& (dueAt == null || !showing.visibleAt().isAfter(dueAt));
			if (shows) {
				this.pending.poll();
				showing.stream().show(showing, this.visibility);
			}
			else if (due != null) {
				FeedEvent event = due.generate(this.sequence++, this.visibility);
				this.generatedIds.add(event.id());
				this.pending.add(event);
			}
			else {
				return;
			}
		}
	}

	private EventStream stream(FeedStream name) {
		for (EventStream stream : this.streams) {
			if (stream.name() == name) {
				return stream;
			}
		}
		throw new IllegalArgumentException("This feed has no stream '" + name.key() + "'; it has " + streams());
	}

}
