package io.github.eventsgateway.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * What one read of a stream of the feed tells about completeness, stored with the events
 * it brought (the events captured are the ones stored).
 *
 * @param stream the stream's id, such as {@code p1} or {@code p2-3}: lower-case letters,
 * digits and '-', at most 16
 * @param at when the read happened; counted in its minute
 * @param missed events that probably passed unseen since the stream's last read
 * @param saturations reads that found no event already stored: a gap is certain
 * @param requests requests the read cost
 */
public record CaptureRecord(String stream, Instant at, long missed, int saturations, int requests) {

	private static final Pattern STREAM_ID = Pattern.compile("[a-z0-9-]{1,16}");

	public CaptureRecord {
		if (!STREAM_ID.matcher(stream).matches()) {
			throw new IllegalArgumentException("A stream id is 1 to 16 of a-z, 0-9 and '-', was '" + stream + "'");
		}
	}

	/** The start of the minute of the read, in epoch seconds. */
	long minute() {
		return this.at.truncatedTo(ChronoUnit.MINUTES).getEpochSecond();
	}

}
