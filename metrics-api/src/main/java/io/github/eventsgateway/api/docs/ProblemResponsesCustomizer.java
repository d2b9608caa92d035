package io.github.eventsgateway.api.docs;

import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.method.HandlerMethod;

/**
 * Documents on every operation the problem+json answers the error handler gives, so each
 * endpoint need not repeat them.
 */
class ProblemResponsesCustomizer implements GlobalOperationCustomizer {

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		ApiResponses responses = operation.getResponses();
		if (responses == null) {
			responses = new ApiResponses();
			operation.setResponses(responses);
		}
		responses.putIfAbsent("400", problem("A parameter is malformed or out of range",
				"""
						{"type":"urn:events-gateway:problem:invalid-parameter","title":"Invalid request parameter","status":400,\
						"detail":"offset must be a whole number of minutes from 1 to 1440 (the retention), such as offset=10; got 'abc'.",\
						"instance":"/api/v1/events/counts","parameter":"offset"}"""));
		responses.putIfAbsent("503", problem("The event store (Redis) is unreachable; answered within 2 seconds", """
				{"type":"urn:events-gateway:problem:store-unavailable","title":"Event store unavailable","status":503,\
				"detail":"The event store (Redis) is unreachable or too slow right now; retry in a few seconds.",\
				"instance":"/api/v1/events/counts"}"""));
		return operation;
	}

	private static ApiResponse problem(String description, String example) {
		Schema<?> schema = new Schema<>().$ref("#/components/schemas/ProblemDetail");
		MediaType mediaType = new MediaType().schema(schema)
			.addExamples("problem", new Example().value(JSON.readValue(example, Map.class)));
		return new ApiResponse().description(description + " (RFC 9457 problem details)")
			.content(new Content().addMediaType(PROBLEM_JSON, mediaType));
	}

}
