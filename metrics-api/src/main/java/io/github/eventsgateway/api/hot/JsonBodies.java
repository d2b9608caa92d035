package io.github.eventsgateway.api.hot;

import io.github.eventsgateway.store.Versioned;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Encodes a kept answer to JSON once, with the application's own mapper (so the bytes are
 * those the JSON encoder would write), instead of on every request that gets it.
 */
public final class JsonBodies {

	private final JsonMapper mapper;

	JsonBodies(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * The answer as JSON, with its version.
	 * @param answer the answer
	 * @return its JSON
	 */
	public Versioned<byte[]> encode(Versioned<?> answer) {
		return answer.with(this.mapper.writeValueAsBytes(answer.value()));
	}

	/**
	 * A 200 answer of encoded JSON.
	 * @param json the body
	 * @return the answer
	 */
	public static Mono<ServerResponse> ok(Versioned<byte[]> json) {
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json.value());
	}

}
