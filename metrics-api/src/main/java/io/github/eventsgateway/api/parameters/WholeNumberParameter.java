package io.github.eventsgateway.api.parameters;

import java.util.regex.Pattern;

import io.github.eventsgateway.api.problem.InvalidParameterException;
import io.github.eventsgateway.api.problem.UserInput;

/**
 * Reads query parameters that must be whole numbers, such as a window's length in minutes
 * ({@code offset}): the API's one parser of them. A value is digits only (at most nine,
 * so that it always fits), with nothing around them but whitespace, which a pasted link
 * often carries.
 */
public final class WholeNumberParameter {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");

	private WholeNumberParameter() {
	}

	/**
	 * Reads a whole number.
	 * @param value the parameter, possibly {@code null}
	 * @return the number, or -1 when the value is not a whole number
	 */
	public static long parse(String value) {
		String trimmed = (value != null) ? value.strip() : "";
		return WHOLE_NUMBER.matcher(trimmed).matches() ? Long.parseLong(trimmed) : -1;
	}

	/**
	 * Reads {@code offset}: a window's length in whole minutes, from 1 to the retention.
	 * @param offset the parameter
	 * @param maxOffsetMinutes the retention in minutes
	 * @param example a good value, shown in the error
	 * @return the minutes
	 * @throws InvalidParameterException when the offset is malformed or out of range
	 */
	public static long offsetMinutes(String offset, long maxOffsetMinutes, long example) {
		long minutes = parse(offset);
		if (minutes < 1 || minutes > maxOffsetMinutes) {
			throw new InvalidParameterException("offset",
					"offset must be a whole number of minutes from 1 to " + maxOffsetMinutes
							+ " (the retention), such as offset=" + example + "; got " + UserInput.quote(offset) + ".");
		}
		return minutes;
	}

}
