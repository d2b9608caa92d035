package io.github.eventsgateway.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.github.eventsgateway.store.testing.RedisServerProcess;
import io.github.eventsgateway.store.testing.RedisTemplates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas that require API keys ({@code API_KEYS}), on one real Redis: a key's
 * budget is spent across both, refusals are problems, the probes, the dashboard, its
 * stream and the API description need no key, and no key is ever written to Redis or to
 * the log. It kills and restarts its Redis, so it starts a {@code redis-server} of its
 * own instead of the shared one.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeysTests {

	private static final String ALICE_KEY = "alice-0123456789abcdef";

	/** Four requests at once, then one every 1,000 s: the test never sees a refill. */
	private static final String BOB_KEY = "bob-fedcba9876543210";

	private static final String COUNTS = "/api/v1/events/counts?offset=10";

	private static RedisServerProcess redis;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoReplicasThatRequireKeys() {
		redis = RedisServerProcess.start();
		first = startReplica();
		second = startReplica();
	}

	@AfterAll
	static void stopAll() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { first, second }) {
			if (context != null) {
				context.close();
			}
		}
		if (redis != null) {
			redis.close();
		}
	}

	@BeforeEach
	void redisIsUp() {
		if (!redis.isRunning()) {
			redis.restart();
		}
		awaitAnswer(client(first).get().uri("/actuator/health/readiness"), HttpStatus.OK);
	}

	@Test
	void refusesARequestWithoutAKeyWithA401Problem() {
		client(first).get()
			.uri(COUNTS)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("WWW-Authenticate", "ApiKey header=\"X-API-Key\"")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:events-gateway:problem:api-key-required")
			.jsonPath("$.title")
			.isEqualTo("API key required")
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.detail")
			.isEqualTo("This deployment requires an API key: send it in the X-API-Key header.")
			.jsonPath("$.instance")
			.isEqualTo("/api/v1/events/counts");
	}

	@Test
	void refusesAnUnknownKeyWithA401Problem() {
		client(second).get()
			.uri(COUNTS)
			.header("X-API-Key", "mallory-0123456789abcdef")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:events-gateway:problem:api-key-required")
			.jsonPath("$.detail")
			.isEqualTo("The API key in the X-API-Key header is not known here; check it, or ask the operator for one.");
	}

	@Test
	void answersAKnownKeyAndSaysWhatIsLeft() {
		EntityExchangeResult<byte[]> answer = client(first).get()
			.uri(COUNTS)
			.header("X-API-Key", ALICE_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.offsetMinutes")
			.isEqualTo(10)
			.returnResult();
		assertThat(Long.parseLong(answer.getResponseHeaders().getFirst("X-RateLimit-Remaining"))).isBetween(0L, 99L);
	}

	@Test
	void spendsOneBudgetAcrossReplicasThenRefusesWithRetryAfter() {
		List<Integer> statuses = new ArrayList<>();
		List<String> remaining = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			EntityExchangeResult<byte[]> answer = client((i % 2 == 0) ? first : second).get()
				.uri(COUNTS)
				.header("X-API-Key", BOB_KEY)
				.exchange()
				.expectBody()
				.returnResult();
			statuses.add(answer.getStatus().value());
			remaining.add(answer.getResponseHeaders().getFirst("X-RateLimit-Remaining"));
		}
		assertThat(statuses).containsExactly(200, 200, 200, 200, 429, 429);
		assertThat(remaining).containsExactly("3", "2", "1", "0", "0", "0");
		client(first).get()
			.uri(COUNTS)
			.header("X-API-Key", BOB_KEY)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value("Retry-After", (seconds) -> assertThat(Long.parseLong(seconds)).isBetween(900L, 1000L))
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:events-gateway:problem:rate-limited")
			.jsonPath("$.title")
			.isEqualTo("Request budget used up")
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail)
				.startsWith("The API key 'bob' may make 0.001 requests a second, 4 at once; retry in "));
	}

	@Test
	void probesTheDashboardItsStreamAndTheDescriptionNeedNoKey() {
		for (String path : List.of("/actuator/health/readiness", "/actuator/health/liveness", "/dashboard",
				"/v3/api-docs", "/actuator/prometheus")) {
			client(first).get().uri(path).exchange().expectStatus().isOk();
		}
		String firstEvent = client(second).get()
			.uri("/api/v1/events/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody()
			.blockFirst(Duration.ofSeconds(10));
		assertThat(firstEvent).isNotBlank();
		client(first).get().uri("/nowhere").exchange().expectStatus().isNotFound();
	}

	@Test
	void keysThePathTheHandlersMatchHoweverItIsSpelt() {
		for (String path : List.of("/%61pi/v1/events/counts", "/api;x=1/v1/events/counts", "/api/v1/events/counts;x=1",
				"//api/v1/events/counts", "/api/v1/events/stream/../counts")) {
			int status = client(first).get()
				.uri(URI.create(baseUrl(first) + path))
				.exchange()
				.returnResult(byte[].class)
				.getStatus()
				.value();
			assertThat(status).as(path).isIn(401, 404);
		}
	}

	@Test
	void describesTheKeyInTheApiDescription() {
		client(first).get()
			.uri("/v3/api-docs")
			.exchange()
			.expectBody()
			.jsonPath("$.components.securitySchemes.apiKey.name")
			.isEqualTo("X-API-Key")
			.jsonPath("$.paths['/api/v1/events/counts'].get.responses['401']")
			.exists()
			.jsonPath("$.paths['/api/v1/events/counts'].get.responses['429']")
			.exists()
			.jsonPath("$.paths['/api/v1/events/stream'].get.responses['401']")
			.doesNotExist();
	}

	@Test
	void answers503WhenTheBudgetCannotBeRead() {
		redis.kill();
		client(second).get()
			.uri(COUNTS)
			.header("X-API-Key", ALICE_KEY)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.valueEquals("Retry-After", "2")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:events-gateway:problem:store-unavailable");
		redis.restart();
	}

	@Test
	void writesNoKeyToRedisOrTheLog(CapturedOutput output) {
		client(first).get().uri(COUNTS).header("X-API-Key", ALICE_KEY).exchange();
		client(first).get().uri(COUNTS).header("X-API-Key", "mallory-0123456789abcdef").exchange();
		LettuceConnectionFactory factory = RedisTemplates.connectionFactory(redis);
		try {
			ReactiveStringRedisTemplate template = RedisTemplates.template(factory);
			List<String> keys = template.keys("*").collectList().block();
			assertThat(keys).contains("ghe:{events}:api-key:" + sha256(ALICE_KEY))
				.noneMatch((key) -> key.contains(ALICE_KEY) || key.contains("mallory"));
			for (String key : keys) {
				Map<Object, Object> fields = template.opsForHash()
					.entries(key)
					.collectMap(Map.Entry::getKey, Map.Entry::getValue)
					.onErrorReturn(Map.of())
					.block();
				assertThat(fields.toString()).doesNotContain(ALICE_KEY);
			}
		}
		finally {
			factory.destroy();
		}
		assertThat(output.getAll()).doesNotContain(ALICE_KEY, BOB_KEY, "mallory-0123456789abcdef");
	}

	private static ConfigurableApplicationContext startReplica() {
		return new SpringApplicationBuilder(MetricsApiApplication.class).run("--server.port=0",
				"--spring.data.redis.url=" + redis.url(),
				"--gateway.api-keys.keys=alice:" + ALICE_KEY + ":100/100, bob:" + BOB_KEY + ":0.001/4");
	}

	private static WebTestClient client(ConfigurableApplicationContext replica) {
		return WebTestClient.bindToServer().baseUrl(baseUrl(replica)).build();
	}

	private static String baseUrl(ConfigurableApplicationContext replica) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) replica).getWebServer().getPort();
	}

	private static void awaitAnswer(WebTestClient.RequestHeadersSpec<?> request, HttpStatus expected) {
		await("an answer " + expected).atMost(Duration.ofSeconds(15))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> request.exchange().returnResult(byte[].class).getStatus().value() == expected.value());
	}

	private static String sha256(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
