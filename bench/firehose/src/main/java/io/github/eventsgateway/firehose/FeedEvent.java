package io.github.eventsgateway.firehose;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An event of the feed, its JSON rendered once (UTF-8) so that serving a page copies
 * bytes. It knows its stream and, once visible, its entry in that stream's ledger.
 */
final class FeedEvent {

	private final long id;

	private final String type;

	private final Instant createdAt;

	private final Instant visibleAt;

	private final boolean late;

	private final long sequence;

	private final EventStream stream;

	private final byte[] json;

	private int ledgerIndex = -1;

	FeedEvent(GeneratedEvent event, EventStream stream, Instant visibleAt, boolean late, long sequence) {
		this.id = event.id();
		this.type = event.type();
		this.createdAt = event.createdAt();
		this.json = event.json().getBytes(StandardCharsets.UTF_8);
		this.stream = stream;
		this.visibleAt = visibleAt;
		this.late = late;
		this.sequence = sequence;
	}

	long id() {
		return this.id;
	}

	String type() {
		return this.type;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant visibleAt() {
		return this.visibleAt;
	}

	/** Whether it shows later than the longest ordinary delay (and so below the top). */
	boolean late() {
		return this.late;
	}

	/** The order of generation, which breaks ties of {@link #visibleAt()}. */
	long sequence() {
		return this.sequence;
	}

	EventStream stream() {
		return this.stream;
	}

	byte[] json() {
		return this.json;
	}

	void shownAs(int ledgerIndex) {
		this.ledgerIndex = ledgerIndex;
	}

	/** Records that a complete, fault-free 200 carried it to a client. */
	void markServed() {
		if (this.ledgerIndex >= 0) {
			this.stream.ledger().markServed(this.ledgerIndex);
		}
	}

}
