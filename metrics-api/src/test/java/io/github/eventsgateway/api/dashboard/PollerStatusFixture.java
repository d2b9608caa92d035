package io.github.eventsgateway.api.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.PollerLease;
import io.github.eventsgateway.store.CredentialState;
import io.github.eventsgateway.store.PollerReport;
import io.github.eventsgateway.store.PollerStatusStore;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Writes a poller status as the poller does: take the lease, then report.
 */
final class PollerStatusFixture {

	static final String INSTANCE = "poller-7f9c";

	private PollerStatusFixture() {
	}

	/**
	 * Reports a healthy poller that last polled successfully at {@code lastPollAt}.
	 * @param redis the template
	 * @param lastPollAt when the last poll ended
	 */
	static void reportHealthyPoller(ReactiveStringRedisTemplate redis, Instant lastPollAt) {
		EventStoreKeys keys = EventStoreKeys.defaults();
		String token = new PollerLease(redis, keys).acquireOrRenew(INSTANCE, Duration.ofMinutes(5))
			.block(Duration.ofSeconds(5));
		PollerReport report = PollerReport.builder(INSTANCE)
			.state("POLLING")
			.lastPoll(lastPollAt, "200")
			.lastSuccessAt(lastPollAt)
			.credentials(List.of(new CredentialState("token 1 of 1", "personal", 4712L, 5000L,
					lastPollAt.plusSeconds(2280), 20, null, null)))
			.pollInterval(Duration.ofSeconds(60))
			.suspectedGaps(2)
			.build();
		new PollerStatusStore(redis, keys).update(token, report).block(Duration.ofSeconds(5));
	}

}
