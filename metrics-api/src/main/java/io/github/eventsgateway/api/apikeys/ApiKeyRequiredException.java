package io.github.eventsgateway.api.apikeys;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request without a key, or with a key that is not known, while the deployment requires
 * keys. Answered as 401 problem+json of type {@value #TYPE_URN}, with the
 * {@code WWW-Authenticate} header HTTP requires on a 401. Never holds the key it got.
 */
final class ApiKeyRequiredException extends ErrorResponseException {

	static final String TYPE_URN = "urn:events-gateway:problem:api-key-required";

	private ApiKeyRequiredException(String detail) {
		super(HttpStatus.UNAUTHORIZED, problem(detail), null);
		getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + ApiKeyFilter.HEADER + "\"");
	}

	static ApiKeyRequiredException missing() {
		return new ApiKeyRequiredException(
				"This deployment requires an API key: send it in the " + ApiKeyFilter.HEADER + " header.");
	}

	static ApiKeyRequiredException unknown() {
		return new ApiKeyRequiredException("The API key in the " + ApiKeyFilter.HEADER
				+ " header is not known here; check it, or ask the operator for one.");
	}

	private static ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
		problem.setType(URI.create(TYPE_URN));
		problem.setTitle("API key required");
		return problem;
	}

	/** A client's mistake, answered at once: where it was thrown is of no interest. */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
