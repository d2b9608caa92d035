package io.github.eventsgateway.poller.capture;

import io.github.eventsgateway.store.StoreFailures;

/**
 * What went wrong in a sweep that did not end with an answer: Redis, or something else.
 */
final class CaptureFailures {

	private CaptureFailures() {
	}

	/**
	 * One line naming the real cause, such as Redis' {@code OOM command not allowed…}
	 * rather than Spring's {@code Error in execution}, marked as Redis' when it is.
	 */
	static String describe(Throwable failure) {
		String line = StoreFailures.describe(failure);
		return StoreFailures.isFromStore(failure) ? "Redis: " + line : line;
	}

}
