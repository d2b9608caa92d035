package io.github.eventsgateway.api.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request parameter that cannot be answered, with a detail that tells the caller what
 * to send instead. Answered as 400 problem+json of type {@value #TYPE_URN}, with the
 * parameter's name as the {@code parameter} field.
 */
public final class InvalidParameterException extends ErrorResponseException {

	/** The problem type, as a string for documentation. */
	public static final String TYPE_URN = "urn:events-gateway:problem:invalid-parameter";

	/** The problem type. */
	public static final URI TYPE = URI.create(TYPE_URN);

	private final String parameter;

	/**
	 * Creates the exception.
	 * @param parameter the parameter's name, as the caller sent it
	 * @param detail what is wrong and what is accepted; quote user input only through
	 * {@link UserInput#quote(String)}
	 */
	public InvalidParameterException(String parameter, String detail) {
		super(HttpStatus.BAD_REQUEST, problem(parameter, detail), null);
		this.parameter = parameter;
	}

	private static ProblemDetail problem(String parameter, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(TYPE);
		problem.setTitle("Invalid request parameter");
		problem.setProperty("parameter", parameter);
		return problem;
	}

	public String parameter() {
		return this.parameter;
	}

	/** The detail alone: what the caller did wrong, as logs and tests read it. */
	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

	/** A caller's mistake, answered at once: where it was thrown is of no interest. */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
