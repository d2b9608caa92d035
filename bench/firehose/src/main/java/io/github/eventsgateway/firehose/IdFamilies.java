package io.github.eventsgateway.firehose;

import java.util.SplittableRandom;

/**
 * Where event ids come from. GitHub's grow by 1 to 3 from one event to the next; since
 * 2026 two families interleave at random (one near 45 billion, one near 8.1 trillion), so
 * the ids of a page are not monotonic. The split feed's streams share one instance, as
 * GitHub's ids are global.
 */
final class IdFamilies {

	/** Where the second family starts: about where it was observed in 2026. */
	static final long SECOND_FAMILY_START = 8_100_000_000_000L;

	private final long[] lastIds;

	private IdFamilies(long... firstIds) {
		this.lastIds = firstIds.clone();
	}

	/** One family, as GitHub's ids were until 2025. */
	static IdFamilies single(long start) {
		return new IdFamilies(start);
	}

	/** Two families that interleave at random. */
	static IdFamilies interleaved(long start, long secondStart) {
		return new IdFamilies(start, secondStart);
	}

	/**
	 * The next id.
	 * @param random the caller's dice (one draw for a single family, two for two)
	 * @return an id greater than the last of its family
	 */
	long next(SplittableRandom random) {
		int family = (this.lastIds.length == 1) ? 0 : random.nextInt(this.lastIds.length);
		this.lastIds[family] += 1 + random.nextInt(3);
		return this.lastIds[family];
	}

}
