package io.github.eventsgateway.api.apikeys;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Documents the key, when the deployment has keys: the header as a security scheme
 * (Swagger UI's "Authorize" then sends it), and the 401 and 429 answers of every keyed
 * operation.
 */
final class ApiKeysOpenApi implements GlobalOpenApiCustomizer {

	private static final String SCHEME = "apiKey";

	private static final String STREAM = "/api/v1/events/stream";

	private final ApiKeys keys;

	ApiKeysOpenApi(ApiKeys keys) {
		this.keys = keys;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (!this.keys.isEnabled() || openApi.getPaths() == null) {
			return;
		}
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		openApi.getComponents()
			.addSecuritySchemes(SCHEME,
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.HEADER)
						.name(ApiKeyFilter.HEADER)
						.description("The key the operator gave you; each key has a request budget."));
		openApi.getPaths().forEach((path, item) -> {
			if (path.startsWith("/api/") && !path.equals(STREAM)) {
				item.readOperations().forEach(ApiKeysOpenApi::document);
			}
		});
	}

	private static void document(Operation operation) {
		operation.addSecurityItem(new SecurityRequirement().addList(SCHEME));
		operation.getResponses()
			.putIfAbsent("401",
					problem("No key in X-API-Key, or one that is not known",
							example(ApiKeyRequiredException.TYPE_URN, "API key required", 401,
									"This deployment requires an API key: send it in the X-API-Key header.")));
		operation.getResponses()
			.putIfAbsent("429",
					problem("The key's request budget is used up for now; Retry-After says for how long",
							example(RequestBudgetExceededException.TYPE_URN, "Request budget used up", 429,
									"The API key 'alice' may make 10 requests a second, 20 at once; retry in 1 s.")));
	}

	private static Map<String, Object> example(String type, String title, int status, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type);
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", detail);
		problem.put("instance", "/api/v1/events/counts");
		return problem;
	}

	private static ApiResponse problem(String description, Map<String, Object> example) {
		MediaType mediaType = new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))
			.addExamples("problem", new Example().value(example));
		return new ApiResponse().description(description + " (RFC 9457 problem details)")
			.content(new Content().addMediaType("application/problem+json", mediaType));
	}

}
