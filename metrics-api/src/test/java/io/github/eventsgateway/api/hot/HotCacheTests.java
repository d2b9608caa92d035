package io.github.eventsgateway.api.hot;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.eventsgateway.store.Versioned;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

class HotCacheTests {

	private static final Duration INTERVAL = Duration.ofMillis(100);

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	private final VersionWatch watch = new VersionWatch(null, INTERVAL, Duration.ofMillis(1200), this.nanos::get, true);

	private final HotCache<String, String> cache = new HotCache<>(this.watch, 100, this.nanos::get);

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void readsRedisOnEveryRequestUntilTheVersionIsConfirmed() {
		assertThat(answer("3-100")).isEqualTo("answer 1 at 3-100");
		assertThat(answer("3-100")).isEqualTo("answer 2 at 3-100");
	}

	@Test
	void givesTheKeptAnswerWhileTheVersionStandsStill() {
		this.watch.confirmed("3-100");
		assertThat(answer("3-100")).isEqualTo("answer 1 at 3-100");
		this.watch.confirmed("3-100");
		assertThat(answer("3-100")).isEqualTo("answer 1 at 3-100");
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void readsAgainOnceTheVersionMovesOn() {
		this.watch.confirmed("3-100");
		answer("3-100");
		this.watch.confirmed("4-200");
		assertThat(answer("4-200")).isEqualTo("answer 2 at 4-200");
		assertThat(answer("4-200")).isEqualTo("answer 2 at 4-200");
	}

	@Test
	void learnsALaterVersionFromARead() {
		this.watch.confirmed("3-100");
		assertThat(answer("4-200")).isEqualTo("answer 1 at 4-200");
		assertThat(this.watch.current().version()).isEqualTo("4-200");
		assertThat(answer("4-200")).isEqualTo("answer 1 at 4-200");
	}

	@Test
	void dropsEverythingWhenTheVersionGoesBackOrChangesHistory() {
		this.watch.confirmed("4-200");
		answer("4-200");
		this.watch.confirmed("3-100");
		assertThat(answer("3-100")).isEqualTo("answer 2 at 3-100");
		// the same counter written again after a failover lost the first write
		this.watch.confirmed("3-999");
		assertThat(answer("3-999")).isEqualTo("answer 3 at 3-999");
	}

	@Test
	void readsRedisOnEveryRequestWhileInDoubt() {
		this.watch.confirmed("3-100");
		answer("3-100");
		this.watch.doubt("a connection to Redis was lost");
		assertThat(answer("3-100")).isEqualTo("answer 2 at 3-100");
		assertThat(answer("3-100")).isEqualTo("answer 3 at 3-100");
		this.watch.confirmed("3-100");
		assertThat(answer("3-100")).isEqualTo("answer 4 at 3-100");
		assertThat(answer("3-100")).isEqualTo("answer 4 at 3-100");
	}

	@Test
	void stopsKeepingAnswersWhenConfirmationsStop() {
		this.watch.confirmed("3-100");
		answer("3-100");
		this.nanos.addAndGet(Duration.ofMillis(1100).toNanos());
		assertThat(answer("3-100")).isEqualTo("answer 1 at 3-100");
		this.nanos.addAndGet(Duration.ofMillis(200).toNanos());
		assertThat(answer("3-100")).isEqualTo("answer 2 at 3-100");
	}

	@Test
	void keepsAnAnswerNoLongerThanItsLimit() {
		this.watch.confirmed("3-100");
		assertThat(answer("3-100", Duration.ofMillis(500))).isEqualTo("answer 1 at 3-100");
		this.nanos.addAndGet(Duration.ofMillis(400).toNanos());
		this.watch.confirmed("3-100");
		assertThat(answer("3-100", Duration.ofMillis(500))).isEqualTo("answer 1 at 3-100");
		this.nanos.addAndGet(Duration.ofMillis(200).toNanos());
		this.watch.confirmed("3-100");
		assertThat(answer("3-100", Duration.ofMillis(500))).isEqualTo("answer 2 at 3-100");
	}

	@Test
	void sharesOneReadAmongRequestsThatMissTogether() {
		this.watch.confirmed("3-100");
		Sinks.One<Versioned<String>> reply = Sinks.one();
		Mono<Versioned<String>> first = this.cache.get("q", () -> {
			this.reads.incrementAndGet();
			return reply.asMono();
		});
		Mono<Versioned<String>> second = this.cache.get("q", () -> {
			this.reads.incrementAndGet();
			return reply.asMono();
		});
		reply.tryEmitValue(new Versioned<>("3-100", "shared"));
		assertThat(first.block(Duration.ofSeconds(1)).value()).isEqualTo("shared");
		assertThat(second.block(Duration.ofSeconds(1)).value()).isEqualTo("shared");
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void keepsNoFailedRead() {
		this.watch.confirmed("3-100");
		Mono<Versioned<String>> failed = this.cache.get("q", () -> Mono.error(new IllegalStateException("down")));
		assertThat(failed.onErrorResume((ex) -> Mono.empty()).block(Duration.ofSeconds(1))).isNull();
		assertThat(answer("3-100")).isEqualTo("answer 1 at 3-100");
	}

	private String answer(String versionInRedis) {
		return answer(versionInRedis, null);
	}

	private String answer(String versionInRedis, Duration validFor) {
		return this.cache.get("q", () -> {
			int read = this.reads.incrementAndGet();
			return Mono.just(new Versioned<>(versionInRedis, "answer " + read + " at " + versionInRedis, validFor));
		}).block(Duration.ofSeconds(1)).value();
	}

}
