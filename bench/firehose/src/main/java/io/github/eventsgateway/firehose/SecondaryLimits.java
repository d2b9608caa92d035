package io.github.eventsgateway.firehose;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GitHub's secondary rate limit as requests provoke it, per credential: more than
 * {@code perWindow} requests in a sliding window, or more than {@code maxConcurrent} at
 * once, are refused, and so is every request until the {@code retry-after} of that
 * refusal has passed (refusals within it do not extend it). Every request counts, 304s
 * and refusals included. It also keeps the most requests each credential had in any
 * sliding window, so that a benchmark can show a client stayed under the limit.
 */
final class SecondaryLimits {

	private final Clock clock;

	private final SecondaryLimitSettings settings;

	private final Map<String, CredentialWindow> windows = new ConcurrentHashMap<>();

	SecondaryLimits(Clock clock, SecondaryLimitSettings settings) {
		this.clock = clock;
		this.settings = settings;
	}

	SecondaryLimitSettings settings() {
		return this.settings;
	}

	/**
	 * Counts a request and tells whether it may go on; every call must be followed by one
	 * {@link #release(String)} once the request is answered.
	 * @param credential the credential's name
	 * @return {@code true} if admitted, {@code false} if refused by the secondary limit
	 */
	boolean admit(String credential) {
		return this.windows.computeIfAbsent(credential, (name) -> new CredentialWindow())
			.admit(this.clock.instant(), this.settings);
	}

	/**
	 * Ends a request that {@link #admit(String)} counted.
	 * @param credential the credential's name
	 */
	void release(String credential) {
		CredentialWindow window = this.windows.get(credential);
		if (window != null) {
			window.release();
		}
	}

	/** The most requests each credential had in any sliding window, by credential. */
	Map<String, Integer> maxRequestsPerWindow() {
		Map<String, Integer> max = new TreeMap<>();
		this.windows.forEach((credential, window) -> max.put(credential, window.maxInWindow()));
		return max;
	}

	/** The refusals requests provoked, by credential. */
	Map<String, Long> provoked() {
		Map<String, Long> provoked = new TreeMap<>();
		this.windows.forEach((credential, window) -> provoked.put(credential, window.provoked()));
		return provoked;
	}

	private static final class CredentialWindow {

		/**
		 * When each request of the current window arrived, oldest first, in epoch nanos.
		 */
		private final ArrayDeque<Long> arrivals = new ArrayDeque<>();

		private int inFlight;

		private long blockedUntilNanos = Long.MIN_VALUE;

		private int maxInWindow;

		private long provoked;

		synchronized boolean admit(Instant now, SecondaryLimitSettings settings) {
			long nowNanos = nanos(now);
			this.inFlight++;
			this.arrivals.addLast(nowNanos);
			long windowStart = nowNanos - settings.window().toNanos();
			while (this.arrivals.peekFirst() <= windowStart) {
				this.arrivals.removeFirst();
			}
			this.maxInWindow = Math.max(this.maxInWindow, this.arrivals.size());
			if (nowNanos < this.blockedUntilNanos) {
				// within the retry-after of an earlier refusal
				this.provoked++;
				return false;
			}
			if (this.arrivals.size() > settings.perWindow() || this.inFlight > settings.maxConcurrent()) {
				this.provoked++;
				this.blockedUntilNanos = nowNanos + settings.retryAfterSeconds() * 1_000_000_000L;
				return false;
			}
			return true;
		}

		synchronized void release() {
			this.inFlight--;
		}

		synchronized int maxInWindow() {
			return this.maxInWindow;
		}

		synchronized long provoked() {
			return this.provoked;
		}

		private static long nanos(Instant instant) {
			return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
		}

	}

}
