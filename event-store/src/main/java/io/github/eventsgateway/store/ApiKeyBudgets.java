package io.github.eventsgateway.store;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The request budgets of API keys, one token bucket per key in Redis, so that every API
 * replica spends from the same budget ({@code api-key-budget.lua}). Keys are known to
 * Redis only by their SHA-256.
 */
public final class ApiKeyBudgets {

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> SPEND = LuaScripts.load("api-key-budget.lua");

	private final ReactiveStringRedisTemplate redis;

	private final EventStoreKeys keys;

	public ApiKeyBudgets(ReactiveStringRedisTemplate redis, EventStoreKeys keys) {
		this.redis = redis;
		this.keys = keys;
	}

	/**
	 * Spends one request of a key's budget, if one is left.
	 * @param keyHash the key's SHA-256, 64 lower-case hexadecimal digits
	 * @param budget the key's budget
	 * @return whether the request may go, with what is left or how long to wait
	 */
	public Mono<Spending> spend(String keyHash, ApiKeyBudget budget) {
		List<String> args = List.of(Double.toString(budget.ratePerSecond()), Integer.toString(budget.burst()));
		return LuaScripts.single(this.redis.execute(SPEND, List.of(this.keys.apiKeyBudget(keyHash)), args))
			.map((reply) -> new Spending(number(reply, 0) == 1, number(reply, 1), Duration.ofMillis(number(reply, 2))));
	}

	private static long number(List<?> reply, int index) {
		return ((Number) reply.get(index)).longValue();
	}

	/**
	 * The outcome of spending one request.
	 *
	 * @param allowed whether the request may go
	 * @param remaining whole requests left at once after this one
	 * @param retryAfter when refused, how long until a request is allowed again; zero
	 * otherwise
	 */
	public record Spending(boolean allowed, long remaining, Duration retryAfter) {

	}

}
