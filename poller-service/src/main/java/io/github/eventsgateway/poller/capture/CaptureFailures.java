package io.github.eventsgateway.poller.capture;

import io.github.eventsgateway.store.StoreFailures;
import io.lettuce.core.RedisException;

import org.springframework.dao.DataAccessException;

/**
 * What went wrong in a sweep that did not end with an answer: Redis, or something else.
 */
final class CaptureFailures {

	private CaptureFailures() {
	}

	static boolean isStoreFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessException || cause instanceof RedisException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * One line naming the real cause, such as Redis' {@code OOM command not allowed…}
	 * rather than Spring's {@code Error in execution}, marked as Redis' when it is.
	 */
	static String describe(Throwable failure) {
		String line = StoreFailures.describe(failure);
		return isStoreFailure(failure) ? "Redis: " + line : line;
	}

}
