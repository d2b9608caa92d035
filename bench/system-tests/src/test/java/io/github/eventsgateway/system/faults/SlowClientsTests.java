package io.github.eventsgateway.system.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.eventsgateway.firehose.Firehose;
import io.github.eventsgateway.firehose.FirehoseSettings;
import io.github.eventsgateway.store.testing.SharedRedis;
import io.github.eventsgateway.store.testing.TestRedis;
import io.github.eventsgateway.system.support.JavaService;
import io.github.eventsgateway.system.support.RedisStore;
import io.github.eventsgateway.system.support.Services;
import io.github.eventsgateway.system.support.SlowClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slowloris attack on both services as shipped: 100 connections each that trickle their
 * request headers are closed once the idle timeout (20 s,
 * {@code server.netty.idle-timeout} in both {@code application.yml}) has passed, and the
 * services answer meanwhile.
 */
@SharedRedis
class SlowClientsTests {

	private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(20);

	private static final int CONNECTIONS = 100;

	@Test
	@Timeout(value = 180, unit = TimeUnit.SECONDS)
	void bothServicesCloseConnectionsThatTrickleTheirHeaders(TestRedis testRedis) {
		FirehoseSettings settings = FirehoseSettings.builder()
			.eventsPerSecond(5)
			.pollIntervalSeconds(1)
			.tokens(List.of("slow-token"))
			.build();
		RedisStore redis = RedisStore.of(testRedis);
		try (Firehose github = Firehose.start(settings);
				JavaService poller = Services.poller("slow-poller", github, redis, "slow-token", Map.of());
				JavaService api = Services.metricsApi("slow-api", redis)) {
			api.awaitOk("/actuator/health/liveness", Duration.ofSeconds(90));
			poller.awaitOk("/actuator/health/liveness", Duration.ofSeconds(90));

			CompletableFuture<List<Duration>> onApi = CompletableFuture
				.supplyAsync(() -> SlowClients.trickleHeaders(api.port(), CONNECTIONS, Duration.ofSeconds(60)));
			CompletableFuture<List<Duration>> onPoller = CompletableFuture
				.supplyAsync(() -> SlowClients.trickleHeaders(poller.port(), CONNECTIONS, Duration.ofSeconds(60)));
			assertThat(api.get("/api/v1/events/counts?offset=10").status()).as("the API answers meanwhile")
				.isEqualTo(200);
			assertThat(poller.get("/actuator/health/liveness").status()).as("the poller answers meanwhile")
				.isEqualTo(200);

			assertClosedOnceIdleTimeoutPassed("metrics-api", onApi.join());
			assertClosedOnceIdleTimeoutPassed("poller", onPoller.join());
		}
	}

	private static void assertClosedOnceIdleTimeoutPassed(String service, List<Duration> closedAfter) {
		assertThat(closedAfter).as("%s: connections closed", service).hasSize(CONNECTIONS);
		assertThat(closedAfter).as("%s: how long each stayed open", service)
			.allSatisfy((open) -> assertThat(open).isGreaterThanOrEqualTo(IDLE_TIMEOUT.minusSeconds(1))
				.isLessThan(IDLE_TIMEOUT.plusSeconds(10)));
	}

}
