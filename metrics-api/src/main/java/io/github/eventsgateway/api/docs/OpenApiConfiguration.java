package io.github.eventsgateway.api.docs;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

/**
 * The OpenAPI description served at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui.html}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI metricsApiDescription() {
		return new OpenAPI().info(new Info().title("GitHub events gateway: metrics API")
			.version("v1")
			.description("Metrics over GitHub's public events, read from Redis. Times are UTC ISO-8601,"
					+ " such as 2026-11-23T10:15:00Z. Every error is application/problem+json (RFC 9457)."));
	}

	@Bean
	ProblemResponsesCustomizer problemResponsesCustomizer() {
		return new ProblemResponsesCustomizer();
	}

	@Bean
	GlobalOpenApiCustomizer problemDetailSchema() {
		return (openApi) -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			ModelConverters.getInstance().read(ProblemDetail.class).forEach(openApi.getComponents()::addSchemas);
		};
	}

}
