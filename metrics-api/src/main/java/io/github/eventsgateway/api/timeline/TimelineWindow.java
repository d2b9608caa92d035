package io.github.eventsgateway.api.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The buckets of a timeline: {@code buckets} consecutive buckets of
 * {@code bucketMinutes}, aligned on whole multiples of the bucket length (UTC), the last
 * one being the bucket that holds "now" (so it is still filling). There are
 * {@code ceil(offsetMinutes / bucketMinutes)} buckets: an offset that is not a multiple
 * of the bucket is rounded up to one. Bucket {@code i} holds the events whose created_at
 * lies in {@code (from + i * bucket, from + (i + 1) * bucket]}, as event-store counts
 * them.
 *
 * @param offsetMinutes the minutes asked for
 * @param bucketMinutes the length of a bucket in minutes
 * @param from the start of the first bucket (exclusive)
 * @param to the end of the last bucket (inclusive)
 * @param buckets how many buckets
 */
public record TimelineWindow(int offsetMinutes, int bucketMinutes, Instant from, Instant to, int buckets) {

	/** The most buckets one timeline may have, so that a request stays cheap. */
	public static final int MAX_BUCKETS = 1440;

	/**
	 * The window of the last {@code offsetMinutes}, in buckets of {@code bucketMinutes},
	 * at a moment.
	 * @param offsetMinutes the minutes wanted, at least 1
	 * @param bucketMinutes the bucket length in minutes, at least 1
	 * @param now the moment
	 * @return the window
	 */
	public static TimelineWindow lastMinutes(int offsetMinutes, int bucketMinutes, Instant now) {
		long bucketSeconds = bucketMinutes * 60L;
		int buckets = Math.toIntExact(ceilDiv(offsetMinutes, bucketMinutes));
		long toSecond = ceilDiv(now.getEpochSecond(), bucketSeconds) * bucketSeconds;
		Instant to = Instant.ofEpochSecond(toSecond);
		return new TimelineWindow(offsetMinutes, bucketMinutes, to.minusSeconds(bucketSeconds * buckets), to, buckets);
	}

	public Duration bucketLength() {
		return Duration.ofMinutes(this.bucketMinutes);
	}

	/** The start of each bucket, oldest first. */
	public List<Instant> bucketStarts() {
		List<Instant> starts = new ArrayList<>(this.buckets);
		for (int i = 0; i < this.buckets; i++) {
			starts.add(this.from.plus(bucketLength().multipliedBy(i)));
		}
		return starts;
	}

	/** Division rounded up, for positive divisors ({@code Math.ceilDiv} is Java 18+). */
	static long ceilDiv(long dividend, long divisor) {
		return -Math.floorDiv(-dividend, divisor);
	}

}
