package io.github.eventsgateway.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A Lua script that only reads, run with {@code EVALSHA_RO} (falling back to
 * {@code EVAL_RO} when the node does not know it yet), which Lettuce counts as a read:
 * with {@code spring.data.redis.lettuce.read-from} set it runs on a Redis replica. Spring
 * Data Redis sends every script as {@code EVALSHA}, a write that always goes to the
 * master, so this one goes through Lettuce's own commands on the client's shared
 * connection.
 * <p>
 * Without a Lettuce connection factory (which the services always have) it runs as a
 * plain {@code EVALSHA} instead.
 */
final class ReadOnlyScript {

	private final RedisScript<List> script;

	private final byte[] text;

	private ReadOnlyScript(RedisScript<List> script) {
		this.script = script;
		this.text = script.getScriptAsString().getBytes(StandardCharsets.UTF_8);
	}

	static ReadOnlyScript load(String name) {
		return new ReadOnlyScript(LuaScripts.load(name));
	}

	/**
	 * Runs the script.
	 * @param redis the template whose connection factory to use
	 * @param keys the script's keys
	 * @param args the script's arguments
	 * @return the reply, with every bulk string as a {@link String} and nested replies as
	 * lists
	 */
	Mono<List<?>> execute(ReactiveStringRedisTemplate redis, List<String> keys, List<String> args) {
		ReactiveRedisConnectionFactory factory = redis.getConnectionFactory();
		if (!(factory instanceof LettuceConnectionFactory lettuce)) {
			return LuaScripts.single(redis.execute(this.script, keys, args));
		}
		// The first use connects the shared connection, which Spring Data does
		// synchronously: not on an event loop.
		return Mono.fromCallable(() -> nativeCommands(lettuce))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((commands) -> run(commands, keys, args));
	}

	private Mono<List<?>> run(RedisClusterAsyncCommands<byte[], byte[]> commands, List<String> keys,
			List<String> args) {
		return Mono.<List<Object>>fromCompletionStage(
				() -> commands.evalshaReadOnly(this.script.getSha1(), ScriptOutputType.MULTI, bytes(keys), bytes(args)))
			.onErrorResume(RedisNoScriptException.class,
					(ex) -> Mono.fromCompletionStage(
							() -> commands.evalReadOnly(this.text, ScriptOutputType.MULTI, bytes(keys), bytes(args))))
			.map(ReadOnlyScript::decode);
	}

	@SuppressWarnings("unchecked")
	private static RedisClusterAsyncCommands<byte[], byte[]> nativeCommands(LettuceConnectionFactory factory) {
		// A view of the factory's shared connection: closing it leaves that connection
		// be.
		try (RedisConnection connection = factory.getConnection()) {
			return (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
		}
	}

	private static byte[][] bytes(List<String> values) {
		byte[][] bytes = new byte[values.size()][];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
		}
		return bytes;
	}

	private static List<?> decode(List<?> reply) {
		List<Object> decoded = new ArrayList<>(reply.size());
		for (Object element : reply) {
			decoded.add(decodeElement(element));
		}
		return decoded;
	}

	private static Object decodeElement(Object element) {
		if (element instanceof byte[] bulk) {
			return new String(bulk, StandardCharsets.UTF_8);
		}
		if (element instanceof List<?> nested) {
			return decode(nested);
		}
		return element;
	}

}
