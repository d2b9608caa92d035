package io.github.eventsgateway.api.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.github.eventsgateway.store.EventStoreKeys;
import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's yardstick: the least a WebFlux endpoint can do against the same Redis,
 * one {@code ZCOUNT} of the PushEvents of the last 10 minutes. Off unless
 * {@code gateway.benchmark.baseline-endpoint=true}.
 */
@RestController
@Hidden
@ConditionalOnBooleanProperty("gateway.benchmark.baseline-endpoint")
class ZCountBaselineController {

	private static final Duration WINDOW = Duration.ofMinutes(10);

	private final ReactiveStringRedisTemplate redis;

	private final String key;

	private final Clock clock;

	ZCountBaselineController(ReactiveStringRedisTemplate redis, EventStoreKeys keys, Clock clock) {
		this.redis = redis;
		this.key = keys.eventsOfType("PushEvent");
		this.clock = clock;
	}

	@GetMapping(path = "/bench/zcount", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Map<String, Long>> zcount() {
		Instant to = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		long toSeconds = to.getEpochSecond();
		long fromSeconds = to.minus(WINDOW).getEpochSecond();
		Range<Double> window = Range.leftOpen((double) fromSeconds, (double) toSeconds);
		return this.redis.opsForZSet().count(this.key, window).map((count) -> Map.of("PushEvent", count));
	}

}
