package io.github.eventsgateway.api.problem;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;

/**
 * The start of every check that a request is refused: a {@code 400} answered as
 * {@code application/problem+json}, with the status in the body too. Tests go on with
 * what the problem names.
 */
public final class BadRequests {

	private BadRequests() {
	}

	/**
	 * Asks for the URI and checks that the answer is a 400 problem.
	 * @param client the client
	 * @param uri the URI
	 * @return the problem's body, for further checks
	 */
	public static BodyContentSpec expectBadRequest(WebTestClient client, String uri) {
		return client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400);
	}

}
