package io.github.eventsgateway.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Event counts per type in consecutive buckets of time.
 *
 * @param from the start of the first bucket (exclusive)
 * @param bucket the length of each bucket
 * @param buckets the number of buckets
 * @param counts per type with at least one event, its count in each bucket
 */
public record Timeline(Instant from, Duration bucket, int buckets, Map<String, long[]> counts) {

	/** The end of the last bucket (inclusive). */
	public Instant to() {
		return this.from.plus(this.bucket.multipliedBy(this.buckets));
	}

}
