package io.github.eventsgateway.firehose;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.eventsgateway.store.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class SecondaryLimitTests {

	private static final Instant START = Instant.parse("2026-11-23T10:15:00Z");

	private final MutableClock clock = new MutableClock(START);

	private Firehose firehose;

	private StandInClient client;

	@AfterEach
	void stop() {
		if (this.firehose != null) {
			this.firehose.close();
		}
	}

	@Test
	void refusesThe901stRequestOfAMinute304sIncludedWithRetryAfterAndBudgetLeft() {
		start(settings());
		String etag = this.client.get("/events?per_page=1", "token one").headers().firstValue("ETag").orElseThrow();
		for (int i = 1; i < 900; i++) {
			// 304s are free for the budget but count for the secondary limit
			HttpResponse<String> response = this.client.get("/events?per_page=1", "token one", etag);
			assertThat(response.statusCode()).isEqualTo(304);
		}
		HttpResponse<String> refused = this.client.get("/events?per_page=1", "token one", etag);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("You have exceeded a secondary rate limit");
		assertThat(refused.headers().firstValue("retry-after")).hasValue("60");
		assertThat(refused.headers().firstValue("x-ratelimit-remaining")).hasValue("4999");
		// another credential has its own count
		assertThat(this.client.get("/events?per_page=1", "token two").statusCode()).isEqualTo(200);
		assertThat(this.firehose.secondaryLimitsProvoked()).isEqualTo(1);
		assertThat(this.firehose.secondaryLimitsProvokedByCredential()).containsEntry("token-1", 1L);
		assertThat(this.firehose.secondaryLimitsInjected()).isZero();
		assertThat(this.firehose.maxRequestsPerSecondaryWindow()).containsEntry("token-1", 901)
			.containsEntry("token-2", 1);
		assertThat(this.firehose.requests()).filteredOn(RecordedRequest::secondaryLimitProvoked)
			.singleElement()
			.satisfies((request) -> {
				assertThat(request.credential()).isEqualTo("token-1");
				assertThat(request.fault()).isNull();
				assertThat(request.spentBudget()).isFalse();
			});
	}

	@Test
	void keepsRefusingUntilTheRetryAfterHasPassed() {
		start(settings().secondaryLimit(10, Duration.ofSeconds(2)));
		for (int i = 0; i < 10; i++) {
			assertThat(this.client.get("/events", "token one").statusCode()).isEqualTo(200);
		}
		HttpResponse<String> refused = this.client.get("/events", "token one");
		assertThat(refused.statusCode()).isEqualTo(403);
		// the retry-after scales with the window: GitHub's 60 s for its minute
		assertThat(refused.headers().firstValue("retry-after")).hasValue("2");
		this.clock.advance(Duration.ofMillis(1500));
		assertThat(this.client.get("/events", "token one").statusCode()).isEqualTo(403);
		this.clock.advance(Duration.ofMillis(600));
		assertThat(this.client.get("/events", "token one").statusCode()).isEqualTo(200);
		assertThat(this.firehose.secondaryLimitsProvoked()).isEqualTo(2);
	}

	@Test
	void neverRefusesAClientThatStaysUnderTheLimitInEverySlidingWindow() {
		start(settings().secondaryLimit(10, Duration.ofSeconds(1)));
		for (int i = 0; i < 100; i++) {
			assertThat(this.client.get("/events", "token one").statusCode()).isEqualTo(200);
			this.clock.advance(Duration.ofMillis(101));
		}
		assertThat(this.firehose.secondaryLimitsProvoked()).isZero();
		assertThat(this.firehose.maxRequestsPerSecondaryWindow()).containsEntry("token-1", 10);
		assertThat(this.firehose.maxRequestsInAnyWindow(Duration.ofSeconds(1))).containsEntry("token-1", 10);
	}

	@Test
	void refusesTheHundredAndFirstConcurrentRequest() {
		start(settings().eventsPerSecond(1)
			.faultRate(1)
			.faults(EnumSet.of(Fault.SLOW_RESPONSE))
			.slowResponseDelay(Duration.ofSeconds(3)));
		List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			slow.add(this.client.getAsync("/events", "token one"));
		}
		this.client.awaitRequests(100);
		assertThat(this.firehose.requests()).hasSize(100);
		HttpResponse<String> refused = this.client.get("/events", "token one");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("retry-after")).hasValue("60");
		assertThat(this.firehose.secondaryLimitsProvoked()).isEqualTo(1);
		slow.forEach(CompletableFuture::join);
	}

	@Test
	void answers429WhenToldToAndCountsInjectedLimitsApart() {
		start(settings().secondaryLimit(1, Duration.ofSeconds(60)).secondaryLimitStatus(429));
		this.client.get("/events", "token one");
		assertThat(this.client.get("/events", "token one").statusCode()).isEqualTo(429);
		this.firehose.faultKinds(EnumSet.of(Fault.SECONDARY_RATE_LIMIT));
		this.firehose.faultRate(1);
		HttpResponse<String> injected = this.client.get("/events", "token two");
		assertThat(injected.statusCode()).isEqualTo(403);
		assertThat(this.firehose.secondaryLimitsProvoked()).isEqualTo(1);
		assertThat(this.firehose.secondaryLimitsInjected()).isEqualTo(1);
	}

	private FirehoseSettings.Builder settings() {
		return FirehoseSettings.builder().clock(this.clock).eventsPerSecond(10).tokens(List.of("one", "two"));
	}

	private void start(FirehoseSettings.Builder settings) {
		this.firehose = Firehose.start(settings.build());
		this.client = new StandInClient(this.firehose);
	}

}
