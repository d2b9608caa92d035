package io.github.eventsgateway.api.dashboard;

import java.time.Duration;
import java.time.Instant;

import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.PollerLease;
import io.github.eventsgateway.store.PollerStatus;
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
		new PollerLease(redis, keys).acquireOrRenew(INSTANCE, Duration.ofMinutes(5)).block(Duration.ofSeconds(5));
		PollerStatus status = new PollerStatus(INSTANCE, null, "POLLING", lastPollAt, "200", lastPollAt, null, null,
				null, 4712L, 5000L, lastPollAt.plusSeconds(2280), Duration.ofSeconds(60), null, 1, null, null);
		new PollerStatusStore(redis, keys).update(INSTANCE, status, 2).block(Duration.ofSeconds(5));
	}

}
