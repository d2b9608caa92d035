package io.github.eventsgateway.api.problem;

/**
 * Quotes what a caller sent for an error detail, cut short and stripped of control
 * characters, so no input can grow a response or forge log lines.
 */
public final class UserInput {

	static final int MAX_QUOTED_LENGTH = 64;

	private UserInput() {
	}

	/**
	 * Quotes user input.
	 * @param value the input, possibly {@code null}
	 * @return the input in single quotes, at most {@value #MAX_QUOTED_LENGTH} characters
	 * of it, followed by {@code …} when it was longer
	 */
	public static String quote(String value) {
		if (value == null) {
			return "''";
		}
		String shown = (value.length() > MAX_QUOTED_LENGTH) ? value.substring(0, MAX_QUOTED_LENGTH) + "…" : value;
		return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
	}

}
