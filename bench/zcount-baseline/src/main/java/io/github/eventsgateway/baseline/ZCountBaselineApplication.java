package io.github.eventsgateway.baseline;

import java.time.Instant;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The least a Spring Boot WebFlux endpoint can do against the gateway's Redis: one
 * {@code ZCOUNT} of the PushEvents of the last 10 minutes, as JSON. The benchmarks run it
 * beside the metrics API, with the same JVM flags, as the yardstick of the API's own
 * cost.
 */
@SpringBootApplication
@RestController
public class ZCountBaselineApplication {

	private final ReactiveStringRedisTemplate redis;

	private final String key;

	ZCountBaselineApplication(ReactiveStringRedisTemplate redis, @Value("${baseline.key}") String key) {
		this.redis = redis;
		this.key = key;
	}

	@GetMapping(path = "/zcount", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Map<String, Long>> zcount() {
		long to = Instant.now().getEpochSecond();
		Range<Double> window = Range.leftOpen((double) (to - 600), (double) to);
		return this.redis.opsForZSet().count(this.key, window).map((count) -> Map.of("PushEvent", count));
	}

	public static void main(String[] args) {
		SpringApplication.run(ZCountBaselineApplication.class, args);
	}

}
