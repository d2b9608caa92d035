package io.github.eventsgateway.store;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Loads the Lua scripts kept beside this class and gathers their replies.
 */
final class LuaScripts {

	private LuaScripts() {
	}

	@SuppressWarnings("rawtypes")
	static RedisScript<List> load(String name) {
		return load(name, List.class);
	}

	static <T> RedisScript<T> load(String name, Class<T> resultType) {
		return RedisScript.of(new ClassPathResource(name, LuaScripts.class), resultType);
	}

	/**
	 * Gathers a multi-bulk script reply, which the reactive template may hand over in
	 * parts, into one list.
	 */
	@SuppressWarnings("rawtypes")
	static Mono<List<?>> single(Flux<List> reply) {
		return reply.collectList().map((parts) -> {
			if (parts.size() == 1) {
				return parts.get(0);
			}
			List<Object> all = new ArrayList<>();
			parts.forEach(all::addAll);
			return all;
		});
	}

}
