package io.github.eventsgateway.poller.capture;

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
	 * One line naming the root cause, such as Redis' {@code OOM command not allowed…}.
	 */
	static String describe(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		String line = message.replaceAll("[\\p{Cntrl}]+", " ").trim();
		if (line.length() > 200) {
			line = line.substring(0, 200) + "…";
		}
		return isStoreFailure(failure) ? "Redis: " + line : line;
	}

}
