package io.github.eventsgateway.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

	/**
	 * This timeline moved on by the buckets that follow it: as many buckets, the oldest
	 * dropped, the next ones added.
	 * @param next the buckets that follow, fewer than this timeline's, of the same length
	 * and starting where this one ends (read at the same version of the store)
	 * @return the timeline moved on, with only the types that have events in it
	 */
	public Timeline movedOnBy(Timeline next) {
		if (!next.from.equals(to()) || !next.bucket.equals(this.bucket) || next.buckets >= this.buckets) {
			throw new IllegalArgumentException("The buckets to move on by must follow this timeline's end " + to()
					+ " with buckets of " + this.bucket + ", fewer than " + this.buckets);
		}
		Set<String> types = new TreeSet<>(this.counts.keySet());
		types.addAll(next.counts.keySet());
		Map<String, long[]> moved = new LinkedHashMap<>();
		for (String type : types) {
			long[] kept = this.counts.getOrDefault(type, new long[this.buckets]);
			long[] added = next.counts.getOrDefault(type, new long[next.buckets]);
			long[] counts = new long[this.buckets];
			System.arraycopy(kept, next.buckets, counts, 0, this.buckets - next.buckets);
			System.arraycopy(added, 0, counts, this.buckets - next.buckets, next.buckets);
			if (Arrays.stream(counts).anyMatch((count) -> count > 0)) {
				moved.put(type, counts);
			}
		}
		return new Timeline(next.to().minus(this.bucket.multipliedBy(this.buckets)), this.bucket, this.buckets, moved);
	}

}
