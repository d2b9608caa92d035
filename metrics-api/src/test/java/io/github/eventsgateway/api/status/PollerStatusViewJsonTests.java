package io.github.eventsgateway.api.status;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import io.github.eventsgateway.api.status.PollerStatusView.RateLimit;
import io.github.eventsgateway.api.status.PollerStatusView.CredentialView;
import io.github.eventsgateway.api.status.PollerStatusView.DeliveryDelay;
import io.github.eventsgateway.store.StreamState;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.boot.test.json.JacksonTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poller status answer as the application's JSON mapper writes it: every member the
 * API documents, in order, times in ISO-8601, GitHub's rate limit as one object.
 */
@JsonTest
class PollerStatusViewJsonTests {

	@Autowired
	private JacksonTester<PollerStatusView> json;

	@Test
	void writesWhatThePollerReportedInTheDocumentedOrder() throws IOException {
		PollerStatusView status = new PollerStatusView("poller-a", "poller-a", "POLLING", "github", "budget",
				Instant.parse("2025-01-01T15:00:38Z"), "200", Instant.parse("2025-01-01T15:00:38Z"), 500L, 12L, 0L,
				Instant.parse("2025-01-01T15:00:38Z"), 30L,
				new RateLimit(4712L, 5000L, Instant.parse("2025-01-01T15:52:00Z")), 60L, 2L, 1,
				List.of(new CredentialView("token 1 of 1", "personal", 4712L, 5000L,
						Instant.parse("2025-01-01T15:52:00Z"), 83, null, null)),
				List.of(new StreamState("p2-3", List.of(2, 3), List.of("WatchEvent"), 40.0, 1.5, 1)),
				new DeliveryDelay(4.2, 610.0), "GitHub answered 502", Instant.parse("2025-01-01T14:00:00Z"), false);

		assertThat(this.json.write(status).getJson()).isEqualTo("{\"leader\":\"poller-a\",\"leaseHolder\":\"poller-a\","
				+ "\"state\":\"POLLING\",\"source\":\"github\",\"pacing\":\"budget\","
				+ "\"lastPollAt\":\"2025-01-01T15:00:38Z\",\"lastPollOutcome\":\"200\","
				+ "\"lastSuccessAt\":\"2025-01-01T15:00:38Z\",\"eventsStored\":500,\"duplicatesSkipped\":12,"
				+ "\"eventsDropped\":0,\"newestEventAt\":\"2025-01-01T15:00:38Z\",\"lagSeconds\":30,"
				+ "\"rateLimit\":{\"remaining\":4712,\"limit\":5000,\"resetAt\":\"2025-01-01T15:52:00Z\"},"
				+ "\"pollIntervalSeconds\":60,\"suspectedGaps\":2,\"tokens\":1,"
				+ "\"credentials\":[{\"label\":\"token 1 of 1\",\"kind\":\"personal\",\"remaining\":4712,"
				+ "\"limit\":5000,\"resetAt\":\"2025-01-01T15:52:00Z\",\"usedLastMinute\":83,\"blockedUntil\":null,"
				+ "\"blockedBecause\":null}],\"streams\":[{\"id\":\"p2-3\",\"pages\":[2,3],\"types\":[\"WatchEvent\"],"
				+ "\"eventsPerSecond\":40.0,\"readIntervalSeconds\":1.5,\"priority\":1}],"
				+ "\"deliveryDelay\":{\"p50Seconds\":4.2,\"p99Seconds\":610.0},\"lastError\":\"GitHub answered 502\","
				+ "\"lastErrorAt\":\"2025-01-01T14:00:00Z\",\"stale\":false}");
	}

	@Test
	void writesWhatThePollerNeverReportedAsNull() throws IOException {
		PollerStatusView nothingYet = new PollerStatusView(null, null, null, null, null, null, null, null, null, null,
				null, null, null, new RateLimit(null, null, null), null, null, null, List.of(), List.of(),
				new DeliveryDelay(null, null), null, null, true);

		assertThat(this.json.write(nothingYet)).hasJsonPathValue("$.stale")
			.extractingJsonPathBooleanValue("$.stale")
			.isTrue();
		assertThat(this.json.write(nothingYet)).hasEmptyJsonPathValue("$.leader")
			.hasEmptyJsonPathValue("$.lastPollAt")
			.hasEmptyJsonPathValue("$.rateLimit.remaining");
	}

}
