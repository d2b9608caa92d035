package io.github.eventsgateway.api.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lettuce.core.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Turns every failure, from a bad parameter to an unknown path or Redis being away, into
 * an RFC 9457 {@code application/problem+json} answer. Ordered before Boot's default
 * error handler, so no request ever sees its JSON or whitelabel output.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemWebExceptionHandler implements WebExceptionHandler {

	/** The problem type of a parameter the API cannot answer. */
	public static final URI INVALID_PARAMETER = URI.create("urn:events-gateway:problem:invalid-parameter");

	/** The problem type of the event store (Redis) being unreachable. */
	public static final URI STORE_UNAVAILABLE = URI.create("urn:events-gateway:problem:store-unavailable");

	private static final Logger logger = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

	private static final int MAX_INSTANCE_LENGTH = 200;

	private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private final JsonMapper json;

	public ProblemWebExceptionHandler(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		ProblemDetail problem = toProblem(ex);
		problem.setInstance(instance(exchange));
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(PROBLEM_JSON);
		if (STORE_UNAVAILABLE.equals(problem.getType())) {
			headers.set(HttpHeaders.RETRY_AFTER, "2");
		}
		DataBuffer body = response.bufferFactory().wrap(this.json.writeValueAsBytes(toMap(problem)));
		return response.writeWith(Mono.just(body));
	}

	private ProblemDetail toProblem(Throwable ex) {
		if (ex instanceof InvalidParameterException invalid) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
			problem.setType(INVALID_PARAMETER);
			problem.setTitle("Invalid request parameter");
			problem.setProperty("parameter", invalid.parameter());
			return problem;
		}
		if (isStoreFailure(ex)) {
			logger.warn("Event store unavailable: {}", ex.getClass().getSimpleName());
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"The event store (Redis) is unreachable or too slow right now; retry in a few seconds.");
			problem.setType(STORE_UNAVAILABLE);
			problem.setTitle("Event store unavailable");
			return problem;
		}
		if (ex instanceof ResponseStatusException statusException) {
			return forResponseStatus(statusException);
		}
		logger.error("Unexpected failure", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The server failed unexpectedly; the failure was logged.");
	}

	private static boolean isStoreFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessException || cause instanceof RedisException) {
				return true;
			}
		}
		return false;
	}

	private static ProblemDetail forResponseStatus(ResponseStatusException ex) {
		HttpStatusCode status = ex.getStatusCode();
		String detail = detail(ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (status.is5xxServerError()) {
			logger.error("Server error", ex);
		}
		return problem;
	}

	private static String detail(ResponseStatusException ex) {
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
			return "The request could not be read: " + safeReason(input)
					+ " See /v3/api-docs for the parameters each endpoint takes.";
		}
		return defaultDetail(ex.getStatusCode());
	}

	private static String defaultDetail(HttpStatusCode status) {
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

	private static String safeReason(ServerWebInputException ex) {
		// Framework reasons are fixed phrases, but keep them bounded all the same.
		String reason = (ex.getReason() != null) ? ex.getReason() : "malformed input.";
		return (reason.length() > 200) ? reason.substring(0, 200) + "…" : reason;
	}

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

	private static Map<String, Object> toMap(ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", (problem.getType() != null) ? problem.getType().toString() : "about:blank");
		body.put("title", (problem.getTitle() != null) ? problem.getTitle() : reasonPhrase(problem.getStatus()));
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", problem.getInstance().toString());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

	private static String reasonPhrase(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : "HTTP " + status;
	}

}
