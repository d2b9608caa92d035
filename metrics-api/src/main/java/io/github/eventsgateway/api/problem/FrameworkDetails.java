package io.github.eventsgateway.api.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * The details of the errors Spring itself raises (unknown path, wrong method or media
 * type, unreadable request), rewritten to tell the caller what to send instead. Spring's
 * own details only name what went wrong.
 */
final class FrameworkDetails {

	private static final int MAX_REASON_LENGTH = 200;

	private FrameworkDetails() {
	}

	static String of(ResponseStatusException ex) {
		if (ex instanceof MethodNotAllowedException notAllowed) {
			return "Method " + notAllowed.getHttpMethod() + " is not supported here; use one of "
					+ notAllowed.getSupportedMethods() + ".";
		}
		if (ex instanceof NotAcceptableStatusException) {
			return "This endpoint answers application/json (and errors as application/problem+json);"
					+ " send Accept: application/json or leave the header out.";
		}
		if (ex instanceof UnsupportedMediaTypeStatusException) {
			return "This endpoint takes no request body; send none.";
		}
		if (ex instanceof ServerWebInputException input) {
			return "The request could not be read: " + boundedReason(input)
					+ " See /v3/api-docs for the parameters each endpoint takes.";
		}
		return forStatus(ex.getStatusCode());
	}

	/** The detail of an error known only by its status. */
	static String forStatus(HttpStatusCode status) {
		if (status.value() == HttpStatus.NOT_FOUND.value()) {
			return "There is nothing at this path. The endpoints are listed at /v3/api-docs"
					+ " (browse them at /swagger-ui.html).";
		}
		if (status.is5xxServerError()) {
			return "The server failed to answer; the failure was logged.";
		}
		HttpStatus known = HttpStatus.resolve(status.value());
		return "The request was refused: " + ((known != null) ? known.getReasonPhrase() : status.toString()) + ".";
	}

	private static String boundedReason(ServerWebInputException ex) {
		// Framework reasons are fixed phrases, but keep them bounded all the same.
		String reason = (ex.getReason() != null) ? ex.getReason() : "malformed input.";
		return (reason.length() > MAX_REASON_LENGTH) ? reason.substring(0, MAX_REASON_LENGTH) + "…" : reason;
	}

}
