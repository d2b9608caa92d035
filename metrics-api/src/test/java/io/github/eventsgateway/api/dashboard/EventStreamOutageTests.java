package io.github.eventsgateway.api.dashboard;

import java.time.Duration;
import java.util.Map;

import io.github.eventsgateway.store.testing.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The stream of a running application, with its fail-fast Redis client, through a Redis
 * outage: it goes on, says Redis is unavailable, and resumes by itself. It kills and
 * restarts its Redis, so it starts a {@code redis-server} of its own instead of the
 * shared one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "gateway.dashboard.stream-interval=250ms")
@AutoConfigureWebTestClient
class EventStreamOutageTests {

	private static final RedisServerProcess redis = RedisServerProcess.start();

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

	@Test
	void goesOnThroughARedisOutageAndResumesWhenRedisIsBack() {
		var events = this.client.get()
			.uri("/api/v1/events/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody();

		StepVerifier.create(events)
			.expectNextMatches((event) -> "summary".equals(event.event()))
			.then(redis::kill)
			.thenConsumeWhile((event) -> "summary".equals(event.event()))
			.expectNextMatches((event) -> "unavailable".equals(event.event())
					&& String.valueOf(event.data().get("detail")).contains("resumes by itself"))
			.then(redis::restart)
			.thenConsumeWhile((event) -> "unavailable".equals(event.event()))
			.expectNextMatches((event) -> "summary".equals(event.event()))
			.thenCancel()
			.verify(Duration.ofSeconds(30));
	}

}
