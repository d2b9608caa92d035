package io.github.eventsgateway.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.eventsgateway.store.testing.RedisServerProcess;
import io.github.eventsgateway.store.testing.RedisTemplates;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisLoadingException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures as Redis and the client really produce them, through Spring Data Redis'
 * wrappers: which mean "the store cannot serve now", and what each one is called. It
 * kills, restarts and reconfigures ({@code CONFIG SET maxmemory}, {@code DEBUG}) its
 * Redis, so it starts a {@code redis-server} of its own instead of the shared one.
 */
class StoreFailuresTests {

	private static RedisServerProcess redisServer;

	private static LettuceConnectionFactory connectionFactory;

	private static ReactiveStringRedisTemplate redis;

	@BeforeAll
	static void startRedis() {
		redisServer = RedisServerProcess.start("--enable-debug-command", "yes");
		connectionFactory = RedisTemplates.connectionFactory(redisServer);
		redis = RedisTemplates.template(connectionFactory);
	}

	@AfterAll
	static void stopRedis() {
		connectionFactory.destroy();
		redisServer.close();
	}

	@BeforeEach
	void redisServesWrites() {
		if (!redisServer.isRunning()) {
			redisServer.restart();
		}
		config(redis, "maxmemory", "0");
		redis.execute((connection) -> connection.serverCommands().flushAll()).blockLast();
	}

	@Test
	void outOfMemoryIsUnavailableAndDescribedByRedisOwnAnswer() {
		config(redis, "maxmemory", "1");
		Throwable failure = failureOf(redis.opsForValue().set("key", "value"));
		assertThat(failure).isInstanceOf(RedisSystemException.class).hasMessage("Error in execution");
		assertThat(StoreFailures.isUnavailable(failure)).isTrue();
		assertThat(StoreFailures.describe(failure))
			.startsWith("OOM command not allowed when used memory > 'maxmemory'");
	}

	@Test
	void readOnlyReplicaIsUnavailable() {
		command("REPLICAOF 127.0.0.1 1");
		try {
			Throwable failure = failureOf(redis.opsForValue().set("key", "value"));
			assertThat(StoreFailures.isUnavailable(failure)).isTrue();
			assertThat(StoreFailures.describe(failure)).startsWith("READONLY You can't write against a read only");
		}
		finally {
			command("REPLICAOF NO ONE");
		}
	}

	@Test
	void unreachableRedisIsUnavailableAndDescribedWithTheSocketError() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", 1));
		factory.afterPropertiesSet();
		factory.start();
		try {
			Throwable failure = failureOf(RedisTemplates.template(factory).opsForValue().get("key"));
			assertThat(StoreFailures.isUnavailable(failure)).isTrue();
			assertThat(StoreFailures.describe(failure)).startsWith("Unable to connect to 127.0.0.1")
				.contains("Connection refused")
				.doesNotContain("\n");
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void commandTimeoutIsUnavailable() {
		LettuceConnectionFactory factory = factory(
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(200)).build());
		try {
			ReactiveStringRedisTemplate impatient = RedisTemplates.template(factory);
			impatient.opsForValue().get("warm-up").block();
			CompletableFuture<Void> sleeping = CompletableFuture.runAsync(() -> command("DEBUG SLEEP 1"));
			pause(Duration.ofMillis(200));
			Throwable failure = failureOf(impatient.opsForValue().get("key"));
			sleeping.join();
			assertThat(StoreFailures.isUnavailable(failure)).isTrue();
			assertThat(StoreFailures.describe(failure)).contains("Command timed out after 200 millisecond(s)");
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void commandRejectedWhileDisconnectedIsUnavailable() {
		LettuceConnectionFactory factory = factory(LettuceClientConfiguration.builder()
			.clientOptions(ClientOptions.builder().disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS).build())
			.build());
		try {
			ReactiveStringRedisTemplate rejecting = RedisTemplates.template(factory);
			rejecting.opsForValue().get("warm-up").block();
			redisServer.kill();
			pause(Duration.ofMillis(300));
			Throwable failure = failureOf(rejecting.opsForValue().get("key"));
			assertThat(StoreFailures.isUnavailable(failure)).isTrue();
			assertThat(StoreFailures.describe(failure)).isEqualTo("Currently not connected. Commands are rejected.");
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void aScriptErrorIsABugNotAnOutage() {
		redis.opsForValue().set("text", "not a number").block();
		Throwable failure = failureOf(redis
			.execute(RedisScript.of("return redis.call('INCR', KEYS[1])", Long.class), List.of("text"), List.of())
			.next());
		assertThat(StoreFailures.isUnavailable(failure)).isFalse();
		assertThat(StoreFailures.describe(failure)).contains("ERR");
	}

	@Test
	void aWrongTypeIsABugNotAnOutage() {
		redis.opsForValue().set("text", "value").block();
		Throwable failure = failureOf(redis.opsForSet().add("text", "member"));
		assertThat(StoreFailures.isUnavailable(failure)).isFalse();
		assertThat(StoreFailures.isFromStore(failure)).isTrue();
		assertThat(StoreFailures.describe(failure)).startsWith("WRONGTYPE");
	}

	@ParameterizedTest
	@ValueSource(strings = { "LOADING Redis is loading the dataset in memory", "MASTERDOWN Link with MASTER is down",
			"BUSY Redis is busy running a script", "MISCONF Redis is configured to save RDB snapshots",
			"NOAUTH Authentication required.", "ERR max number of clients reached" })
	void otherRefusalsOfAServingRedisAreUnavailable(String answer) {
		Throwable failure = new RedisSystemException("Error in execution", new RedisCommandExecutionException(answer));
		assertThat(StoreFailures.isUnavailable(failure)).isTrue();
		assertThat(StoreFailures.describe(failure)).isEqualTo(answer);
	}

	@Test
	void lettuceOwnLoadingExceptionIsUnavailable() {
		assertThat(StoreFailures.isUnavailable(new RedisLoadingException("LOADING Redis is loading"))).isTrue();
	}

	@Test
	void aSocketFailureOutsideRedisIsNotTheStore() {
		Throwable failure = new IllegalStateException("GitHub request failed",
				new ConnectException("Connection refused"));
		assertThat(StoreFailures.isUnavailable(failure)).isFalse();
		assertThat(StoreFailures.isFromStore(failure)).isFalse();
		assertThat(StoreFailures.describe(failure)).isEqualTo("ConnectException: Connection refused");
	}

	@Test
	void describesInOneBoundedLine() {
		Throwable failure = new RedisSystemException("Error in execution",
				new RedisCommandExecutionException("ERR " + "x\r\n".repeat(300)));
		assertThat(StoreFailures.describe(failure)).hasSizeLessThanOrEqualTo(201).doesNotContain("\n", "\r");
	}

	private static Throwable failureOf(Mono<?> command) {
		try {
			command.block(Duration.ofSeconds(10));
		}
		catch (RuntimeException ex) {
			return ex;
		}
		throw new AssertionError("expected the command to fail");
	}

	private static void config(ReactiveStringRedisTemplate template, String parameter, String value) {
		template.execute((connection) -> connection.serverCommands().setConfig(parameter, value)).blockLast();
	}

	private static LettuceConnectionFactory factory(LettuceClientConfiguration configuration) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", redisServer.port()), configuration);
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/**
	 * Sends a command the template does not offer and waits for the answer ({@code DEBUG
	 * SLEEP} blocks the whole server, as a long-running command would).
	 */
	private static void command(String line) {
		try (Socket socket = new Socket("127.0.0.1", redisServer.port())) {
			OutputStream out = socket.getOutputStream();
			out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			socket.getInputStream().read();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
