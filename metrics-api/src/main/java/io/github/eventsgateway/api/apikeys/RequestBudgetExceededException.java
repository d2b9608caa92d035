package io.github.eventsgateway.api.apikeys;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A client that has used up its request budget for now. Answered as 429 problem+json of
 * type {@value #TYPE_URN}, with {@code Retry-After} in whole seconds.
 */
final class RequestBudgetExceededException extends ErrorResponseException {

	static final String TYPE_URN = "urn:events-gateway:problem:rate-limited";

	RequestBudgetExceededException(ApiClient client, Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, problem(client, seconds(retryAfter)), null);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
		getHeaders().set(ApiKeyFilter.REMAINING_HEADER, "0");
	}

	private static ProblemDetail problem(ApiClient client, long retryAfterSeconds) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"The API key '" + client.name() + "' may make "
						+ BigDecimal.valueOf(client.budget().ratePerSecond()).stripTrailingZeros().toPlainString()
						+ " requests a second, " + client.budget().burst() + " at once; retry in " + retryAfterSeconds
						+ " s.");
		problem.setType(URI.create(TYPE_URN));
		problem.setTitle("Request budget used up");
		return problem;
	}

	/** Whole seconds, rounded up: a client that waits that long is let through. */
	private static long seconds(Duration retryAfter) {
		return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}

	/** A client's pace, answered at once: where it was thrown is of no interest. */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
