package io.github.eventsgateway.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.eventsgateway.store.testing.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis going away or hanging: every endpoint answers 503 problem+json within 2 seconds
 * (until the replica notices, it may give an answer it keeps), readiness goes DOWN while
 * liveness stays UP, and the API recovers by itself. It kills, hangs
 * ({@code DEBUG SLEEP}) and restarts its Redis, so it starts a {@code redis-server} of
 * its own instead of the shared one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
class RedisOutageTests {

	private static final Duration FAST_ENOUGH = Duration.ofSeconds(2);

	private static final List<String> ENDPOINTS = List.of("/api/v1/events/counts?offset=10",
			"/api/v1/repos/octocat/hello-world/pull-requests/average-interval", "/api/v1/repos/made-public",
			"/api/v1/poller/status");

	static final RedisServerProcess redis = RedisServerProcess.start("--enable-debug-command", "yes");

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void redisUrl(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", redis::url);
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@BeforeEach
	void redisIsUp() {
		if (!redis.isRunning()) {
			redis.restart();
		}
		awaitRecovery(Duration.ofSeconds(10));
	}

	@Test
	void answersServiceUnavailableQuicklyWhileRedisIsDownAndRecoversByItself() {
		redis.kill();
		for (String endpoint : ENDPOINTS) {
			assertUnavailableWithin(FAST_ENOUGH, endpoint);
		}
		this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
		this.client.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		redis.restart();
		Duration recovery = awaitRecovery(Duration.ofSeconds(10));
		assertThat(recovery).isLessThan(Duration.ofSeconds(5));
		this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
	}

	@Test
	void answersServiceUnavailableQuicklyWhileRedisHangs() {
		CompletableFuture<Void> sleeping = CompletableFuture.runAsync(() -> debugSleep(Duration.ofSeconds(4)));
		try {
			pause(Duration.ofMillis(300));
			// A query this replica keeps no answer for: a kept one would still be given,
			// and
			// exact, since no write can happen while Redis hangs.
			assertUnavailableWithin(FAST_ENOUGH, "/api/v1/events/counts?offset=11");
		}
		finally {
			sleeping.join();
		}
		awaitRecovery(Duration.ofSeconds(10));
	}

	private void assertUnavailableWithin(Duration limit, String endpoint) {
		long start = System.nanoTime();
		// Until the replica notices the lost connection (its version check runs every
		// 100 ms) it may still give an answer it keeps: exact, since nothing can write.
		await().atMost(limit)
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> this.client.get()
				.uri(endpoint)
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(503)
				.jsonPath("$.detail")
				.isNotEmpty());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as(endpoint).isLessThan(limit);
	}

	/** Waits until the counts endpoint answers 200 again, and says how long it took. */
	private Duration awaitRecovery(Duration limit) {
		long start = System.nanoTime();
		while (true) {
			HttpStatus status = HttpStatus.resolve(this.client.get()
				.uri("/api/v1/events/counts?offset=10")
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value());
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			if (status == HttpStatus.OK) {
				return waited;
			}
			assertThat(waited).as("recovery after Redis came back").isLessThan(limit);
			pause(Duration.ofMillis(100));
		}
	}

	/** Blocks the Redis server, as a long-running command would. */
	private static void debugSleep(Duration duration) {
		try (Socket socket = new Socket("127.0.0.1", redis.port())) {
			OutputStream out = socket.getOutputStream();
			out.write(("DEBUG SLEEP " + duration.toSeconds() + "\r\n").getBytes(StandardCharsets.US_ASCII));
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
