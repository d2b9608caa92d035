package io.github.eventsgateway.system.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Polls a condition until it holds or time runs out.
 */
public final class Waiting {

	private Waiting() {
	}

	/**
	 * Waits for a condition.
	 * @param what what is awaited, for the failure message
	 * @param timeout how long at most
	 * @param condition the condition
	 * @return how long it took
	 */
	public static Duration until(String what, Duration timeout, BooleanSupplier condition) {
		Instant start = Instant.now();
		Instant deadline = start.plus(timeout);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Not within " + timeout + ": " + what);
			}
			sleep(Duration.ofMillis(100));
		}
		return Duration.between(start, Instant.now());
	}

	public static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
