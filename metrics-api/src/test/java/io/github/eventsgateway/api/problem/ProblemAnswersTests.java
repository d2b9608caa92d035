package io.github.eventsgateway.api.problem;

import io.lettuce.core.RedisCommandExecutionException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each kind of failure is answered with, wherever it is raised: always problem+json,
 * written by the codecs, members in RFC 9457's order.
 */
@WebFluxTest(controllers = ProblemAnswersTests.FailingController.class)
@Import({ ProblemConfiguration.class, ProblemAnswersTests.FailingController.class })
class ProblemAnswersTests {

	@Autowired
	private WebTestClient client;

	@Test
	void answersAnInvalidParameterWithItsNameAndWhatIsAccepted() {
		String body = this.client.get()
			.uri("/invalid?offset=abc")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).isEqualTo("{\"type\":\"urn:events-gateway:problem:invalid-parameter\","
				+ "\"title\":\"Invalid request parameter\",\"status\":400,"
				+ "\"detail\":\"offset must be a whole number\",\"instance\":\"/invalid\",\"parameter\":\"offset\"}");
	}

	@Test
	void answersARedisConnectionFailureWith503AndRetryAfter() {
		assertStoreUnavailable("/unreachable");
	}

	@Test
	void answersARedisOutOfMemoryRefusalWith503() {
		assertStoreUnavailable("/out-of-memory");
	}

	@Test
	void answersABugInAScriptWith500AndNoneOfItsDetails() {
		this.client.get()
			.uri("/script-bug")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("about:blank")
			.jsonPath("$.detail")
			.isEqualTo("The server failed unexpectedly; the failure was logged.");
	}

	@Test
	void answersAFailureOutsideAnyControllerAlike() {
		assertStoreUnavailable("/filtered");
	}

	@Test
	void givesAnErrorAnsweredWithoutABodyAProblem() {
		this.client.get()
			.uri("/empty-conflict")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Conflict")
			.jsonPath("$.status")
			.isEqualTo(409)
			.jsonPath("$.instance")
			.isEqualTo("/empty-conflict");
	}

	@Test
	void answersUnknownPathsWithWhereTheEndpointsAreListed() {
		this.client.get()
			.uri("/nope")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("about:blank")
			.jsonPath("$.title")
			.isEqualTo("Not Found")
			.jsonPath("$.detail")
			.isEqualTo("There is nothing at this path. The endpoints are listed at /v3/api-docs"
					+ " (browse them at /swagger-ui.html).");
	}

	private void assertStoreUnavailable(String path) {
		this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("Retry-After", "2")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:events-gateway:problem:store-unavailable")
			.jsonPath("$.title")
			.isEqualTo("Event store unavailable")
			.jsonPath("$.detail")
			.isEqualTo("The event store (Redis) is unreachable or too slow right now; retry in a few seconds.")
			.jsonPath("$.instance")
			.isEqualTo(path);
	}

	@RestController
	static class FailingController {

		@GetMapping("/invalid")
		Mono<String> invalid() {
			return Mono.error(new InvalidParameterException("offset", "offset must be a whole number"));
		}

		@GetMapping("/unreachable")
		Mono<String> unreachable() {
			return Mono.error(new RedisConnectionFailureException("Unable to connect to 127.0.0.1:6379"));
		}

		@GetMapping("/out-of-memory")
		Mono<String> outOfMemory() {
			return Mono.error(new RedisSystemException("Error in execution",
					new RedisCommandExecutionException("OOM command not allowed when used memory > 'maxmemory'.")));
		}

		@GetMapping("/script-bug")
		Mono<String> scriptBug() {
			return Mono.error(new RedisSystemException("Error in execution",
					new RedisCommandExecutionException("ERR user_script:1: Script attempted to access key")));
		}

		@GetMapping("/empty-conflict")
		ResponseEntity<Void> emptyConflict() {
			return ResponseEntity.status(HttpStatus.CONFLICT).build();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FailingFilter {

		@Bean
		WebFilter failsOnFilteredPath() {
			return (exchange, chain) -> "/filtered".equals(exchange.getRequest().getPath().value())
					? Mono.error(new RedisConnectionFailureException("Unable to connect to 127.0.0.1:6379"))
					: chain.filter(exchange);
		}

	}

}
