package io.github.eventsgateway.firehose;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An event's {@code created_at} as GitHub writes it ({@code 2026-11-23T10:15:00Z}),
 * formatted once per second: hundreds of events share each second, and formatting an
 * {@link Instant} costs more than the rest of an event's JSON.
 */
final class CreatedAtText {

	private long second = Long.MIN_VALUE;

	private String text;

	String of(Instant createdAt) {
		if (createdAt.getEpochSecond() != this.second) {
			this.second = createdAt.getEpochSecond();
			this.text = createdAt.truncatedTo(ChronoUnit.SECONDS).toString();
		}
		return this.text;
	}

}
