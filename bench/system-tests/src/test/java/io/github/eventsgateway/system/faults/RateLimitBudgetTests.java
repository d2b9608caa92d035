package io.github.eventsgateway.system.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.eventsgateway.firehose.Firehose;
import io.github.eventsgateway.firehose.FirehoseSettings;
import io.github.eventsgateway.firehose.RecordedRequest;
import io.github.eventsgateway.store.testing.SharedRedis;
import io.github.eventsgateway.store.testing.TestRedis;
import io.github.eventsgateway.system.support.GitHubRequestLog;
import io.github.eventsgateway.system.support.JavaService;
import io.github.eventsgateway.system.support.RedisStore;
import io.github.eventsgateway.system.support.Services;
import io.github.eventsgateway.system.support.StoredEvents;
import io.github.eventsgateway.system.support.Waiting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The token's budget is spent before the poller starts (by another client of the same
 * token, as happens when a token is shared).
 */
@SharedRedis
class RateLimitBudgetTests {

	private static final int BUDGET = 40;

	private static final int POLL_INTERVAL_SECONDS = 2;

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void pollerSendsNothingBeforeTheResetAndPacedByThePollIntervalNeverPollsFasterThanIt(TestRedis testRedis)
			throws Exception {
		FirehoseSettings settings = FirehoseSettings.builder()
			.eventsPerSecond(5)
			.pollIntervalSeconds(POLL_INTERVAL_SECONDS)
			.tokens(List.of("shared-token"))
			.tokenLimit(BUDGET)
			.rateLimitWindow(Duration.ofSeconds(25))
			.build();
		RedisStore redis = RedisStore.of(testRedis);
		try (Firehose github = Firehose.start(settings)) {
			Instant resetAt = spendBudget(github);
			// Paced by X-Poll-Interval, the policy of the classic feed (budget pacing
			// reads
			// faster on purpose); the poller keeps its default interval until an answer
			// names one: as short here.
			Map<String, String> pace = Map.of("POLLER_PACING", "poll-interval", "GATEWAY_POLLER_DEFAULT_POLL_INTERVAL",
					POLL_INTERVAL_SECONDS + "s");
			try (JavaService poller = Services.poller("budget-poller", github, redis, "shared-token", pace);
					StoredEvents stored = new StoredEvents(redis)) {
				try {
					await("the poller stores events after the reset").atMost(Duration.ofSeconds(90))
						.until(() -> stored.eventsStoredCounter() > 0);
					Waiting.sleep(Duration.ofSeconds(3L * POLL_INTERVAL_SECONDS));
				}
				finally {
					GitHubRequestLog.write("budget", github);
				}
				List<RecordedRequest> requests = github.requests()
					.stream()
					.filter((request) -> "budget-poller".equals(request.userAgent()))
					.sorted(Comparator.comparing(RecordedRequest::receivedAt))
					.toList();
				assertThat(requests).isNotEmpty();
				RecordedRequest first = requests.get(0);
				if (first.receivedAt().isBefore(resetAt)) {
					assertThat(first.status()).as("the first request, with the budget spent").isEqualTo(403);
					assertThat(requests.subList(1, requests.size())).as("requests after the 403")
						.allSatisfy((request) -> assertThat(request.receivedAt()).isAfterOrEqualTo(resetAt));
					assertThat(requests.get(1).receivedAt()).as("the first request after the reset")
						.isBefore(resetAt.plusSeconds(5));
				}
				assertThat(requests).filteredOn((request) -> request.status() == 403).hasSizeLessThanOrEqualTo(1);
				List<Instant> pollStarts = requests.stream()
					.filter((request) -> request.page() == 1 && request.status() != 403)
					.map(RecordedRequest::receivedAt)
					.toList();
				assertThat(pollStarts).hasSizeGreaterThanOrEqualTo(2);
				for (int i = 1; i < pollStarts.size(); i++) {
					assertThat(Duration.between(pollStarts.get(i - 1), pollStarts.get(i)))
						.as("time between polls %d and %d", i, i + 1)
						.isGreaterThanOrEqualTo(Duration.ofSeconds(POLL_INTERVAL_SECONDS).minusMillis(50));
				}
			}
		}
	}

	/** Spends the whole budget from outside, returns when it resets. */
	private static Instant spendBudget(Firehose github) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		String reset = null;
		for (int i = 0; i < BUDGET; i++) {
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(github.url() + "/events"))
				.header("Authorization", "Bearer shared-token")
				.header("User-Agent", "another-client")
				.build(), HttpResponse.BodyHandlers.discarding());
			assertThat(response.statusCode()).isEqualTo(200);
			reset = response.headers().firstValue("x-ratelimit-reset").orElseThrow();
		}
		return Instant.ofEpochSecond(Long.parseLong(reset));
	}

}
