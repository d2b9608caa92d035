package io.github.eventsgateway.api.problem;

/**
 * A request parameter that cannot be answered, with a detail that tells the caller what
 * to send instead. Answered as 400 problem+json.
 */
public final class InvalidParameterException extends RuntimeException {

	private final String parameter;

	/**
	 * Creates the exception.
	 * @param parameter the parameter's name, as the caller sent it
	 * @param detail what is wrong and what is accepted; quote user input only through
	 * {@link UserInput#quote(String)}
	 */
	public InvalidParameterException(String parameter, String detail) {
		super(detail, null, false, false);
		this.parameter = parameter;
	}

	public String parameter() {
		return this.parameter;
	}

}
