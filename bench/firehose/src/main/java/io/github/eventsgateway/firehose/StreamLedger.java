package io.github.eventsgateway.firehose;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The ground truth of one stream: every event that was ever visible (its id, type,
 * created_at and the moment it showed) and whether a complete, fault-free 200 ever
 * carried it to a client. Kept in primitive arrays, about 25 bytes an event, so that a
 * half-hour benchmark at 250 events/s stays small; the events' JSON is not kept. Every
 * query first catches the feed up with its clock, so it answers as of now.
 */
public final class StreamLedger {

	private final FeedStream stream;

	private final List<String> typeNames = new ArrayList<>();

	private final LongList ids = new LongList();

	private final LongList createdAtMillis = new LongList();

	private final LongList visibleAtMillis = new LongList();

	private byte[] types = new byte[1024];

	private final BitSet served = new BitSet();

	private int generated;

	private volatile Runnable catchUp = () -> {
	};

	StreamLedger(FeedStream stream) {
		this.stream = stream;
	}

	/**
	 * What to run before a query: the feed catching up with its clock (outside this
	 * ledger's lock, as the feed takes its own lock first).
	 */
	void catchUpWith(Runnable catchUp) {
		this.catchUp = catchUp;
	}

	public FeedStream stream() {
		return this.stream;
	}

	synchronized void recordGenerated() {
		this.generated++;
	}

	/**
	 * Records that an event became visible.
	 * @return its index in this ledger
	 */
	synchronized int recordVisible(long id, String type, Instant createdAt, Instant visibleAt) {
		int index = this.ids.size();
		this.ids.add(id);
		this.createdAtMillis.add(createdAt.toEpochMilli());
		this.visibleAtMillis.add(visibleAt.toEpochMilli());
		if (index == this.types.length) {
			this.types = Arrays.copyOf(this.types, this.types.length * 2);
		}
		this.types[index] = typeIndex(type);
		return index;
	}

	synchronized void markServed(int index) {
		this.served.set(index);
	}

	/** How many events of the stream were generated (visible or not yet). */
	public int generatedCount() {
		this.catchUp.run();
		synchronized (this) {
			return this.generated;
		}
	}

	/** How many events were ever visible. */
	public int visibleCount() {
		this.catchUp.run();
		synchronized (this) {
			return this.ids.size();
		}
	}

	/** How many of the events ever visible a complete, fault-free 200 carried. */
	public int servedCount() {
		this.catchUp.run();
		synchronized (this) {
			return this.served.cardinality();
		}
	}

	/** The ids of every event that was ever visible. */
	public IdSet visibleIds() {
		this.catchUp.run();
		synchronized (this) {
			return IdSet.of(this.ids.toArray());
		}
	}

	/** The ids of the events a complete, fault-free 200 carried to a client. */
	public IdSet servedIds() {
		this.catchUp.run();
		synchronized (this) {
			return IdSet.of(this.served.stream().mapToLong(this.ids::get).toArray());
		}
	}

	/** The ids of the events that were visible but that no complete 200 carried. */
	public IdSet unservedIds() {
		this.catchUp.run();
		synchronized (this) {
			long[] unserved = new long[this.ids.size() - this.served.cardinality()];
			int next = 0;
			for (int i = this.served.nextClearBit(0); i < this.ids.size(); i = this.served.nextClearBit(i + 1)) {
				unserved[next++] = this.ids.get(i);
			}
			return IdSet.of(unserved);
		}
	}

	/**
	 * Visible and served events per minute of the moment they became visible.
	 * @return counts by the minute's start, oldest first
	 */
	public SortedMap<Instant, MinuteCount> perMinuteOfVisibility() {
		this.catchUp.run();
		synchronized (this) {
			return perMinute(this.visibleAtMillis);
		}
	}

	/**
	 * Visible and served events per minute of their created_at.
	 * @return counts by the minute's start, oldest first
	 */
	public SortedMap<Instant, MinuteCount> perMinuteOfCreation() {
		this.catchUp.run();
		synchronized (this) {
			return perMinute(this.createdAtMillis);
		}
	}

	/**
	 * What the ledger knows of an event (a scan: for tests, not for every id of a run).
	 * @param id the event's id
	 * @return its entry, empty if it was never visible in this stream
	 */
	public Optional<Entry> entry(long id) {
		this.catchUp.run();
		synchronized (this) {
			for (int i = 0; i < this.ids.size(); i++) {
				if (this.ids.get(i) == id) {
					return Optional.of(entry(i));
				}
			}
			return Optional.empty();
		}
	}

	/** Every entry, in the order the events became visible. */
	public List<Entry> entries() {
		this.catchUp.run();
		synchronized (this) {
			List<Entry> entries = new ArrayList<>(this.ids.size());
			for (int i = 0; i < this.ids.size(); i++) {
				entries.add(entry(i));
			}
			return Collections.unmodifiableList(entries);
		}
	}

	private Entry entry(int index) {
		return new Entry(this.ids.get(index), this.typeNames.get(this.types[index]),
				Instant.ofEpochMilli(this.createdAtMillis.get(index)),
				Instant.ofEpochMilli(this.visibleAtMillis.get(index)), this.served.get(index));
	}

	private SortedMap<Instant, MinuteCount> perMinute(LongList millis) {
		TreeMap<Long, int[]> counts = new TreeMap<>();
		for (int i = 0; i < millis.size(); i++) {
			int[] count = counts.computeIfAbsent(Math.floorDiv(millis.get(i), 60_000L), (minute) -> new int[2]);
			count[0]++;
			if (this.served.get(i)) {
				count[1]++;
			}
		}
		TreeMap<Instant, MinuteCount> perMinute = new TreeMap<>();
		counts.forEach(
				(minute, count) -> perMinute.put(Instant.ofEpochSecond(minute * 60).truncatedTo(ChronoUnit.MINUTES),
						new MinuteCount(count[0], count[1])));
		return Collections.unmodifiableSortedMap(perMinute);
	}

	private byte typeIndex(String type) {
		int index = this.typeNames.indexOf(type);
		if (index < 0) {
			this.typeNames.add(type);
			index = this.typeNames.size() - 1;
		}
		return (byte) index;
	}

	/**
	 * One event the stream showed.
	 *
	 * @param id its id
	 * @param type its type
	 * @param createdAt its created_at (to the millisecond of its schedule)
	 * @param visibleAt when it became visible
	 * @param served whether a complete, fault-free 200 carried it to a client
	 */
	public record Entry(long id, String type, Instant createdAt, Instant visibleAt, boolean served) {

	}

	/**
	 * The events of one minute.
	 *
	 * @param visible how many became visible (or were created) in it
	 * @param served how many of those a complete 200 carried
	 */
	public record MinuteCount(int visible, int served) {

	}

}
