package io.github.eventsgateway.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

/**
 * Tells a store that cannot serve right now from a failure that retrying will not cure,
 * and says in one line what Redis actually answered. Both services ask it: the API
 * answers 503 for an unavailable store and 500 for anything else; the poller backs off
 * and reports the description in its status.
 * <p>
 * Spring Data Redis wraps Lettuce's exceptions (an out-of-memory refusal arrives as
 * {@code RedisSystemException: Error in execution}), so both look through the causes.
 */
public final class StoreFailures {

	/**
	 * Error codes with which a reachable Redis refuses to serve for now: out of memory, a
	 * read-only replica, loading its data set, a busy script, no primary or cluster
	 * quorum, failing to persist, or credentials it does not accept.
	 */
	private static final Set<String> UNAVAILABLE_CODES = Set.of("OOM", "READONLY", "LOADING", "BUSY", "MASTERDOWN",
			"CLUSTERDOWN", "TRYAGAIN", "NOREPLICAS", "MISCONF", "NOAUTH", "WRONGPASS");

	private static final String TOO_MANY_CLIENTS = "ERR max number of clients reached";

	private static final int MAX_DESCRIPTION_LENGTH = 200;

	/** Enough for any real wrapping; stops a cyclic chain of causes. */
	private static final int MAX_CAUSES = 32;

	private StoreFailures() {
	}

	/**
	 * Tells whether a failure means that Redis cannot serve right now: it cannot be
	 * reached, the connection is down (Lettuce rejects commands while it reconnects) or
	 * was closed, a command timed out, or Redis refused with one of the codes above. A
	 * command Redis rejects for what it is ({@code ERR} in a script, {@code WRONGTYPE})
	 * is a bug, not an outage.
	 * @param failure the failure, possibly wrapped
	 * @return whether the store is unavailable
	 */
	public static boolean isUnavailable(Throwable failure) {
		boolean underRedisWrapper = false;
		for (Throwable cause : causes(failure)) {
			if (cause instanceof RedisCommandExecutionException refusal) {
				String message = (refusal.getMessage() != null) ? refusal.getMessage() : "";
				return UNAVAILABLE_CODES.contains(errorCode(message)) || message.startsWith(TOO_MANY_CLIENTS);
			}
			if (cause instanceof RedisException || cause instanceof RedisConnectionFailureException
					|| cause instanceof QueryTimeoutException) {
				return true;
			}
			// A socket failure counts only under Spring Data Redis' wrapper: the same
			// exception from GitHub's client says nothing about the store.
			underRedisWrapper = underRedisWrapper || cause instanceof RedisSystemException;
			if (underRedisWrapper && cause instanceof IOException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Tells whether a failure came from the store at all, an outage or not: Redis
	 * (Lettuce) or Spring's data access layer somewhere among its causes.
	 * @param failure the failure, possibly wrapped
	 * @return whether the store failed
	 */
	public static boolean isFromStore(Throwable failure) {
		for (Throwable cause : causes(failure)) {
			if (cause instanceof DataAccessException || cause instanceof RedisException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Describes a failure in one line of at most 200 characters that names its real
	 * cause: Redis' own answer ({@code OOM command not allowed when used memory >
	 * 'maxmemory'.}) rather than the wrapper's ({@code Error in execution}), a connection
	 * failure with the socket error beneath it. Holds no credentials: Redis and Lettuce
	 * messages name hosts and ports, never passwords.
	 * @param failure the failure, possibly wrapped
	 * @return the description
	 */
	public static String describe(Throwable failure) {
		String line = text(causes(failure)).replaceAll("\\s+", " ").trim();
		return (line.length() > MAX_DESCRIPTION_LENGTH) ? line.substring(0, MAX_DESCRIPTION_LENGTH) + "…" : line;
	}

	/**
	 * The innermost Redis (Lettuce) exception's message, which is Redis' answer or the
	 * client's account of the connection, followed by the innermost cause beneath it that
	 * has a message (such as {@code Connection refused}); without a Redis exception, the
	 * innermost cause that has a message.
	 */
	private static String text(List<Throwable> causes) {
		int redis = -1;
		int innermost = 0;
		for (int i = 0; i < causes.size(); i++) {
			if (causes.get(i) instanceof RedisException) {
				redis = i;
			}
			if (hasMessage(causes.get(i))) {
				innermost = i;
			}
		}
		if (redis < 0) {
			Throwable cause = causes.get(innermost);
			String name = cause.getClass().getSimpleName();
			return hasMessage(cause) ? name + ": " + cause.getMessage() : name;
		}
		Throwable cause = causes.get(redis);
		String text = hasMessage(cause) ? cause.getMessage() : cause.getClass().getSimpleName();
		return (innermost > redis) ? text + ": " + causes.get(innermost).getMessage() : text;
	}

	private static List<Throwable> causes(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null && causes.size() < MAX_CAUSES; cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

	private static boolean hasMessage(Throwable cause) {
		return cause.getMessage() != null && !cause.getMessage().isBlank();
	}

	private static String errorCode(String message) {
		int end = message.indexOf(' ');
		return ((end < 0) ? message : message.substring(0, end)).toUpperCase(Locale.ROOT);
	}

}
