package io.github.eventsgateway.store;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.github.eventsgateway.store.ApiKeyBudgets.Spending;
import io.github.eventsgateway.store.testing.RedisTemplates;
import io.github.eventsgateway.store.testing.SharedRedis;
import io.github.eventsgateway.store.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * API keys' token buckets in a real Redis, spent from two connections as two API replicas
 * would.
 */
@SharedRedis
class ApiKeyBudgetsTests {

	private static final String KEY_HASH = "a".repeat(64);

	private static LettuceConnectionFactory firstReplica;

	private static LettuceConnectionFactory secondReplica;

	private static ReactiveStringRedisTemplate redis;

	private final TestRedis testRedis;

	private final EventStoreKeys keys;

	private ApiKeyBudgets first;

	private ApiKeyBudgets second;

	ApiKeyBudgetsTests(TestRedis testRedis) {
		this.testRedis = testRedis;
		this.keys = testRedis.keys();
	}

	@BeforeAll
	static void connectTwoReplicas(TestRedis testRedis) {
		firstReplica = RedisTemplates.connectionFactory(testRedis);
		secondReplica = RedisTemplates.connectionFactory(testRedis);
		redis = RedisTemplates.template(firstReplica);
	}

	@AfterAll
	static void disconnect() {
		firstReplica.destroy();
		secondReplica.destroy();
	}

	@BeforeEach
	void emptyNamespace() {
		this.testRedis.clear();
		this.first = new ApiKeyBudgets(redis, this.keys);
		this.second = new ApiKeyBudgets(RedisTemplates.template(secondReplica), this.keys);
	}

	@Test
	void allowsABurstThenRefusesUntilATokenIsBack() {
		ApiKeyBudget budget = new ApiKeyBudget(1, 3);
		assertThat(spend(this.first, budget)).isEqualTo(new Spending(true, 2, Duration.ZERO));
		assertThat(spend(this.first, budget)).isEqualTo(new Spending(true, 1, Duration.ZERO));
		assertThat(spend(this.first, budget)).isEqualTo(new Spending(true, 0, Duration.ZERO));
		Spending refused = spend(this.first, budget);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.remaining()).isZero();
		assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void refillsAtTheRate() throws InterruptedException {
		ApiKeyBudget budget = new ApiKeyBudget(20, 1);
		assertThat(spend(this.first, budget).allowed()).isTrue();
		Spending refused = spend(this.first, budget);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfter()).isLessThanOrEqualTo(Duration.ofMillis(50));
		Thread.sleep(refused.retryAfter().plusMillis(20).toMillis());
		assertThat(spend(this.first, budget).allowed()).isTrue();
	}

	@Test
	void replicasSpendFromOneBudget() {
		ApiKeyBudget budget = new ApiKeyBudget(0.001, 4);
		List<Boolean> allowed = IntStream.range(0, 6)
			.mapToObj((i) -> spend((i % 2 == 0) ? this.first : this.second, budget).allowed())
			.toList();
		assertThat(allowed).containsExactly(true, true, true, true, false, false);
	}

	@Test
	void neverOverspendsUnderConcurrentRequests() {
		ApiKeyBudget budget = new ApiKeyBudget(0.001, 10);
		List<Spending> spent = Flux.range(0, 60)
			.flatMap((i) -> ((i % 2 == 0) ? this.first : this.second).spend(KEY_HASH, budget), 60)
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(spent).filteredOn(Spending::allowed).hasSize(10);
	}

	@Test
	void keepsABucketUnderTheKeyHashOnlyUntilItIsFullAgain() {
		spend(this.first, new ApiKeyBudget(2, 10));
		String bucket = this.testRedis.namespace() + ":{events}:api-key:" + KEY_HASH;
		assertThat(redis.keys(this.testRedis.namespace() + ":*").collectList().block()).containsExactly(bucket);
		Long ttl = redis.getExpire(bucket).map(Duration::toMillis).block();
		// One token to refill at 2 a second, plus a second of slack.
		assertThat(ttl).isBetween(1_000L, 1_500L);
	}

	@Test
	void namesBucketsOnlyByAKeyHash() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.keys.apiKeyBudget("the-key-itself"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.keys.apiKeyBudget("A".repeat(64)));
	}

	@Test
	void refusesBudgetsThatAllowNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ApiKeyBudget(0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new ApiKeyBudget(Double.NaN, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new ApiKeyBudget(1, 0));
	}

	private static Spending spend(ApiKeyBudgets budgets, ApiKeyBudget budget) {
		return budgets.spend(KEY_HASH, budget).block(Duration.ofSeconds(5));
	}

}
