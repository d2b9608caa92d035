package io.github.eventsgateway.api.hot;

import java.time.Duration;

import io.github.eventsgateway.api.hot.VersionWatch.Ticker;

/**
 * Makes the {@link HotCache} of each endpoint, all watching the same store version.
 */
public final class HotCaches {

	private final VersionWatch watch;

	private final int maxEntries;

	HotCaches(VersionWatch watch, int maxEntries) {
		this.watch = watch;
		this.maxEntries = maxEntries;
	}

	/**
	 * Caches that keep nothing: every request reads Redis (for code that runs without the
	 * application, such as tests).
	 * @return the caches
	 */
	public static HotCaches keepingNothing() {
		return new HotCaches(new VersionWatch(null, Duration.ofSeconds(1), Duration.ZERO, Ticker.SYSTEM, false), 1);
	}

	/**
	 * A new, empty cache.
	 * @param <K> the query
	 * @param <V> the answer
	 * @return the cache
	 */
	public <K, V> HotCache<K, V> newCache() {
		return new HotCache<>(this.watch, this.maxEntries, Ticker.SYSTEM);
	}

}
