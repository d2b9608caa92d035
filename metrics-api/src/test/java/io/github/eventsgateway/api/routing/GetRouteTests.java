package io.github.eventsgateway.api.routing;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A functional read route answers what it does not serve as an annotated
 * {@code @GetMapping} would, and reads its parameters as {@code @RequestParam} does.
 */
class GetRouteTests {

	private final WebTestClient client = WebTestClient.bindToRouterFunction(GetRoute.json("/things/{id}",
			(request) -> ServerResponse.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"p\":\"" + GetRoute.parameter(request, "p", "default") + "\"}")))
		.build();

	@Test
	void answersGetAndHeadWithTheHandler() {
		this.client.get()
			.uri("/things/1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.p")
			.isEqualTo("default");
		this.client.head()
			.uri("/things/1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.isEmpty();
	}

	@Test
	void refusesAnyOtherMethodWith405NamingTheReads() {
		this.client.post()
			.uri("/things/1")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.value("Allow", (allow) -> assertThat(allow).contains("GET", "HEAD"));
		this.client.delete().uri("/things/1").exchange().expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
	}

	@Test
	void refusesAnAcceptItCannotSatisfyOrParseWith406() {
		this.client.get()
			.uri("/things/1")
			.accept(MediaType.APPLICATION_XML)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.NOT_ACCEPTABLE);
		this.client.get()
			.uri("/things/1")
			.header("Accept", "garbage")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.NOT_ACCEPTABLE);
		this.client.get().uri("/things/1").accept(MediaType.ALL).exchange().expectStatus().isOk();
		this.client.get()
			.uri("/things/1")
			.header("Accept", "text/html, application/*;q=0.5")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void leavesATrailingSlashAndLongerPathsToOtherRoutes() {
		for (String path : new String[] { "/things/1/", "/things/1/more", "/things" }) {
			this.client.get().uri(path).exchange().expectStatus().isNotFound();
		}
	}

	@Test
	void readsARepeatedParameterAsOneValueAndAnEmptyOneAsMissing() {
		this.client.get().uri("/things/1?p=1&p=2").exchange().expectBody().jsonPath("$.p").isEqualTo("1,2");
		this.client.get().uri("/things/1?p=").exchange().expectBody().jsonPath("$.p").isEqualTo("default");
		this.client.get().uri("/things/1?p=x").exchange().expectBody().jsonPath("$.p").isEqualTo("x");
	}

}
