package io.github.eventsgateway.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

	/**
	 * Loads a script's text once. A script built on the resource itself would ask the
	 * resource for its last-modified time on every call (to re-read a changed file),
	 * which inside a jar means opening the jar each time, under a lock: that halved the
	 * read path's throughput.
	 */
	static <T> RedisScript<T> load(String name, Class<T> resultType) {
		try {
			String text = new ClassPathResource(name, LuaScripts.class).getContentAsString(StandardCharsets.UTF_8);
			return RedisScript.of(text, resultType);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read Lua script " + name, ex);
		}
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
