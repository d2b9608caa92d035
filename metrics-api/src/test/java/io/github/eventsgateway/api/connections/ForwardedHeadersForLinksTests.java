package io.github.eventsgateway.api.connections;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The address nginx forwards is applied where answers can carry links, and left alone
 * under {@code /api/}, whose JSON answers carry none.
 */
class ForwardedHeadersForLinksTests {

	private final ForwardedHeadersForLinks forwarded = new ForwardedHeadersForLinks();

	@Test
	void buildsTheApiDescriptionsAddressFromTheForwardedHeadersAndDropsThem() {
		ServerHttpRequest applied = this.forwarded.apply(forwardedRequest("/v3/api-docs"));
		assertThat(applied.getURI()).hasToString("https://gateway.example:9180/v3/api-docs");
		assertThat(applied.getHeaders().containsHeader("X-Forwarded-Host")).isFalse();
	}

	@Test
	void leavesAnApiRequestAsItCame() {
		ServerHttpRequest request = forwardedRequest("/api/v1/events/counts?offset=10");
		assertThat(this.forwarded.apply(request)).isSameAs(request);
	}

	private static ServerHttpRequest forwardedRequest(String path) {
		return MockServerHttpRequest.get("http://localhost:8080" + path)
			.header("X-Forwarded-Host", "gateway.example")
			.header("X-Forwarded-Port", "9180")
			.header("X-Forwarded-Proto", "https")
			.build();
	}

}
