package io.github.eventsgateway.api.counts;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.eventsgateway.api.problem.InvalidParameterException;
import io.github.eventsgateway.api.problem.UserInput;

/**
 * The checked parameters of a counts request.
 *
 * @param offsetMinutes the window's length in minutes, 1 to the retention
 * @param types the event types asked for, in the order given, or empty for all
 */
record CountsQuery(long offsetMinutes, List<String> types) {

	static final int MAX_TYPES = 50;

	private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

	private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");

	/**
	 * Checks the raw parameters.
	 * @param offset the {@code offset} parameter, or {@code null} for the default
	 * @param types the {@code types} parameter, or {@code null}
	 * @param maxOffsetMinutes the retention in minutes
	 * @return the query
	 * @throws InvalidParameterException when a parameter is out of range or malformed
	 */
	static CountsQuery of(String offset, String types, long maxOffsetMinutes) {
		return new CountsQuery(offsetMinutes(offset, maxOffsetMinutes), types(types));
	}

	private static long offsetMinutes(String offset, long maxOffsetMinutes) {
		long minutes = WHOLE_NUMBER.matcher(offset).matches() ? Long.parseLong(offset) : -1;
		if (minutes < 1 || minutes > maxOffsetMinutes) {
			throw new InvalidParameterException("offset", "offset must be a whole number of minutes from 1 to "
					+ maxOffsetMinutes + " (the retention), such as offset=10; got " + UserInput.quote(offset) + ".");
		}
		return minutes;
	}

	private static List<String> types(String types) {
		if (types == null) {
			return List.of();
		}
		Set<String> names = new LinkedHashSet<>();
		for (String name : types.split(",", -1)) {
			String trimmed = name.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			if (!TYPE_NAME.matcher(trimmed).matches()) {
				throw new InvalidParameterException("types",
						"types must be a comma-separated list of event type names (a letter, then letters, digits"
								+ " or '_', at most 64), such as types=WatchEvent,IssuesEvent; got "
								+ UserInput.quote(trimmed) + ".");
			}
			names.add(trimmed);
			if (names.size() > MAX_TYPES) {
				throw new InvalidParameterException("types",
						"types may list at most " + MAX_TYPES + " event types; leave it out to count every type.");
			}
		}
		if (names.isEmpty()) {
			throw new InvalidParameterException("types",
					"types, when given, must name at least one event type, such as types=WatchEvent;"
							+ " leave it out to count every type.");
		}
		return new ArrayList<>(names);
	}

	/** The window's end: now, to the second. */
	static Instant windowEnd(Instant now) {
		return now.truncatedTo(ChronoUnit.SECONDS);
	}

	/** The window's start, {@code offsetMinutes} before its end. */
	Instant windowStart(Instant end) {
		return end.minus(Duration.ofMinutes(this.offsetMinutes));
	}

}
