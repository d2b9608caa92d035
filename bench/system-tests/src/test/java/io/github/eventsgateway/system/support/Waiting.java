package io.github.eventsgateway.system.support;

import java.time.Duration;

/**
 * Lets time pass on purpose, such as to let services run on (waits for a condition use
 * Awaitility).
 */
public final class Waiting {

	private Waiting() {
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
