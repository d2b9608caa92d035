package io.github.eventsgateway.api.problem;

import java.net.URI;

import io.github.eventsgateway.store.StoreFailures;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The event store (Redis) cannot serve right now ({@link StoreFailures#isUnavailable}).
 * Answered as 503 problem+json of type {@value #TYPE_URN} with {@code Retry-After: 2}:
 * the client fails fast instead of hanging, and nginx tries another replica.
 */
public final class StoreUnavailableException extends ErrorResponseException {

	/** The problem type, as a string for documentation. */
	public static final String TYPE_URN = "urn:events-gateway:problem:store-unavailable";

	/** The problem type. */
	public static final URI TYPE = URI.create(TYPE_URN);

	/** The detail; the cause goes to the log, not to the caller. */
	static final String DETAIL = "The event store (Redis) is unreachable or too slow right now;"
			+ " retry in a few seconds.";

	/**
	 * Creates the exception.
	 * @param cause the store's failure
	 */
	public StoreUnavailableException(Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, "2");
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
		problem.setType(TYPE);
		problem.setTitle("Event store unavailable");
		return problem;
	}

	/** What Redis answered, in one line. */
	@Override
	public String getMessage() {
		Throwable cause = getCause();
		return "Event store unavailable" + ((cause != null) ? ": " + StoreFailures.describe(cause) : "");
	}

}
