package io.github.eventsgateway.api.problem;

import java.net.URI;

import io.github.eventsgateway.store.StoreFailures;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns every failure into an RFC 9457 problem, which the codecs write as
 * {@code application/problem+json}: Spring's own errors (unknown path, wrong method or
 * media type) through {@link ResponseEntityExceptionHandler}, the API's
 * {@link org.springframework.web.ErrorResponseException ErrorResponseExceptions} as they
 * describe themselves, the store being unavailable as 503, anything else as 500 without
 * its details. Failures that never reach a controller (in a filter, for instance) come
 * here through {@link ProblemWebExceptionHandler}.
 */
@RestControllerAdvice
class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemExceptionHandler.class);

	private static final int MAX_INSTANCE_LENGTH = 200;

	static final URI ABOUT_BLANK = URI.create("about:blank");

	/**
	 * The problem answer for any failure, wherever it was raised.
	 * @param ex the failure
	 * @param exchange the request it failed
	 * @return the answer, its body a {@link ProblemDetail}
	 */
	Mono<ResponseEntity<Object>> toResponse(Exception ex, ServerWebExchange exchange) {
		return (ex instanceof ErrorResponse) ? handleException(ex, exchange) : handleOther(ex, exchange);
	}

	/**
	 * Failures that are not an {@link ErrorResponse}: the store being unavailable, or a
	 * bug.
	 * @param ex the failure
	 * @param exchange the request it failed
	 * @return 503 when the store cannot serve, else 500
	 */
	@ExceptionHandler(Exception.class)
	Mono<ResponseEntity<Object>> handleOther(Exception ex, ServerWebExchange exchange) {
		if (StoreFailures.isUnavailable(ex)) {
			logger.warn("Event store unavailable: {}", StoreFailures.describe(ex));
			return handleException(new StoreUnavailableException(ex), exchange);
		}
		logger.error("Unexpected failure", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The server failed unexpectedly; the failure was logged.");
		return createResponseEntity(problem, null, HttpStatus.INTERNAL_SERVER_ERROR, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, @Nullable Object body,
			@Nullable HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		if (ex instanceof ResponseStatusException framework) {
			framework.setDetail(FrameworkDetails.of(framework));
			if (status.is5xxServerError()) {
				logger.error("Server error", ex);
			}
		}
		return super.handleExceptionInternal(ex, body, headers, status, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> createResponseEntity(@Nullable Object body, @Nullable HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		if (body instanceof ProblemDetail problem) {
			if (problem.getType() == null) {
				// RFC 9457's default, written out: clients need not know the default.
				problem.setType(ABOUT_BLANK);
			}
			problem.setInstance(instance(exchange));
		}
		return super.createResponseEntity(body, headers, status, exchange);
	}

	/** The request's path, cut short, so that no input can grow an answer. */
	private static URI instance(ServerWebExchange exchange) {
		String path = exchange.getRequest().getURI().getRawPath();
		if (path == null || path.isEmpty()) {
			path = "/";
		}
		if (path.length() > MAX_INSTANCE_LENGTH) {
			path = path.substring(0, MAX_INSTANCE_LENGTH);
		}
		try {
			return URI.create(path);
		}
		catch (IllegalArgumentException ex) {
			return URI.create("/");
		}
	}

}
