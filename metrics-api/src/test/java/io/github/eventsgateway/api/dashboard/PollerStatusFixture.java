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
		reportHealthyPoller(redis, EventStoreKeys.defaults(), lastPollAt);
	}

	/**
	 * Reports a healthy poller in a namespace.
	 * @param redis the template
	 * @param keys the namespace's key layout
	 * @param lastPollAt when the last poll ended
	 */
	static void reportHealthyPoller(ReactiveStringRedisTemplate redis, EventStoreKeys keys, Instant lastPollAt) {
		report(redis, keys, "POLLING", lastPollAt, "200", lastPollAt);
	}

	/**
	 * Reports what the lease holder is doing.
	 * @param redis the template
	 * @param state its state, such as {@code BACKING_OFF}
	 * @param lastPollAt when the last poll ended
	 * @param lastPollOutcome how it ended, such as {@code 200} or {@code error}
	 * @param lastSuccessAt when the last successful poll ended
	 */
	static void report(ReactiveStringRedisTemplate redis, String state, Instant lastPollAt, String lastPollOutcome,
			Instant lastSuccessAt) {
		report(redis, EventStoreKeys.defaults(), state, lastPollAt, lastPollOutcome, lastSuccessAt);
	}

	private static void report(ReactiveStringRedisTemplate redis, EventStoreKeys keys, String state, Instant lastPollAt,
			String lastPollOutcome, Instant lastSuccessAt) {
		boolean failed = !"200".equals(lastPollOutcome) && !"304".equals(lastPollOutcome);
		PollerReport.Builder report = PollerReport.builder(INSTANCE)
			.state(state)
			.lastPoll(lastPollAt, lastPollOutcome)
			.lastSuccessAt(lastSuccessAt)
			.credentials(List.of(new CredentialState("token 1 of 1", "personal", 4712L, 5000L,
					lastPollAt.plusSeconds(2280), 20, null, null)))
			.pollInterval(Duration.ofSeconds(60))
			.suspectedGaps(2);
		if (failed) {
			report.error("Request to GitHub failed: UnknownHostException", lastPollAt);
		}
		writeAsLeaseHolder(redis, keys, report.build());
	}

	/**
	 * Reports what a poller replaying a file as a live feed reports at each tick.
	 * @param redis the template
	 * @param file the file's name
	 * @param at the tick
	 */
	static void reportReplay(ReactiveStringRedisTemplate redis, String file, Instant at) {
		PollerReport report = PollerReport.builder(INSTANCE)
			.state("REPLAYING")
			.source("file:" + file)
			.pacing("replay")
			.lastPoll(at, "replay")
			.lastSuccessAt(at)
			.credentials(List.of())
			.build();
		writeAsLeaseHolder(redis, EventStoreKeys.defaults(), report);
	}

	/** Takes (or renews) the lease and writes a report with its fencing token. */
	private static void writeAsLeaseHolder(ReactiveStringRedisTemplate redis, EventStoreKeys keys,
			PollerReport report) {
		String token = new PollerLease(redis, keys).acquireOrRenew(INSTANCE, Duration.ofMinutes(5))
			.block(Duration.ofSeconds(5));
		new PollerStatusStore(redis, keys).update(token, report).block(Duration.ofSeconds(5));
	}

	/**
	 * Removes the last error, as a status update cannot (it leaves what it does not set).
	 * @param redis the template
	 */
	static void forgetLastError(ReactiveStringRedisTemplate redis) {
		redis.opsForHash()
			.remove(EventStoreKeys.defaults().status(), "lastError", "lastErrorAt")
			.block(Duration.ofSeconds(5));
	}

}
