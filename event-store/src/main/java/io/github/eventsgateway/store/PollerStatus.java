package io.github.eventsgateway.store;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What the poller reports of itself, and the store's counters, as kept in the status
 * hash. Any field may be {@code null} when nothing has reported it yet. Never holds a
 * token.
 *
 * @param leader the instance that last polled as leader
 * @param leaseHolder the instance holding the lease now, or {@code null} when none does
 * @param state what the leader is doing, such as {@code POLLING} or {@code RATE_LIMITED}
 * @param lastPollAt when the last poll ended
 * @param lastPollOutcome how it ended: {@code 200}, {@code 304}, {@code 403},
 * {@code 429}, {@code 5xx} or {@code error}
 * @param lastSuccessAt when the last poll that GitHub answered with 200 or 304 ended
 * @param eventsStored the events stored since the store began
 * @param duplicatesSkipped the events received again and not counted twice
 * @param newestEventAt the newest created_at stored
 * @param rateLimitRemaining requests left in the budget of the token used last
 * @param rateLimitLimit that token's hourly budget
 * @param rateLimitResetAt when that budget resets
 * @param pollInterval the interval between polls the poller keeps now
 * @param suspectedGaps polls whose pages did not reach back to events already stored
 * @param tokens how many tokens are usable (0 when polling anonymously)
 * @param lastError the last error, one line, never a token
 * @param lastErrorAt when it happened
 */
public record PollerStatus(String leader, String leaseHolder, String state, Instant lastPollAt, String lastPollOutcome,
		Instant lastSuccessAt, Long eventsStored, Long duplicatesSkipped, Instant newestEventAt,
		Long rateLimitRemaining, Long rateLimitLimit, Instant rateLimitResetAt, Duration pollInterval,
		Long suspectedGaps, Integer tokens, String lastError, Instant lastErrorAt) {

	/**
	 * How far the newest stored event lags behind a moment.
	 * @param now the moment
	 * @return the lag, or {@code null} when no event is stored
	 */
	public Duration lag(Instant now) {
		return (this.newestEventAt != null) ? Duration.between(this.newestEventAt, now) : null;
	}

	static PollerStatus fromHash(Map<String, String> hash) {
		return new PollerStatus(hash.get("leader"), hash.get("leaseHolder"), hash.get("state"),
				get(hash, "lastPollAt", PollerStatus::epochMillis), hash.get("lastPollOutcome"),
				get(hash, "lastSuccessAt", PollerStatus::epochMillis), get(hash, "eventsStored", Long::valueOf),
				get(hash, "duplicatesSkipped", Long::valueOf), get(hash, "newestEventAt", PollerStatus::epochSeconds),
				get(hash, "rateLimitRemaining", Long::valueOf), get(hash, "rateLimitLimit", Long::valueOf),
				get(hash, "rateLimitResetAt", PollerStatus::epochSeconds),
				get(hash, "pollIntervalMillis", (value) -> Duration.ofMillis(Long.parseLong(value))),
				get(hash, "suspectedGaps", Long::valueOf), get(hash, "tokens", Integer::valueOf), hash.get("lastError"),
				get(hash, "lastErrorAt", PollerStatus::epochMillis));
	}

	/**
	 * The fields the poller writes (the counters kept by the ingest script, the lease
	 * holder and the suspected gaps are left out).
	 */
	Map<String, String> toPollerFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		put(fields, "leader", this.leader);
		put(fields, "state", this.state);
		put(fields, "lastPollAt", (this.lastPollAt != null) ? this.lastPollAt.toEpochMilli() : null);
		put(fields, "lastPollOutcome", this.lastPollOutcome);
		put(fields, "lastSuccessAt", (this.lastSuccessAt != null) ? this.lastSuccessAt.toEpochMilli() : null);
		put(fields, "rateLimitRemaining", this.rateLimitRemaining);
		put(fields, "rateLimitLimit", this.rateLimitLimit);
		put(fields, "rateLimitResetAt",
				(this.rateLimitResetAt != null) ? this.rateLimitResetAt.getEpochSecond() : null);
		put(fields, "pollIntervalMillis", (this.pollInterval != null) ? this.pollInterval.toMillis() : null);
		put(fields, "tokens", this.tokens);
		put(fields, "lastError", this.lastError);
		put(fields, "lastErrorAt", (this.lastErrorAt != null) ? this.lastErrorAt.toEpochMilli() : null);
		return fields;
	}

	private static void put(Map<String, String> fields, String name, Object value) {
		if (value != null) {
			fields.put(name, value.toString());
		}
	}

	private static <T> T get(Map<String, String> hash, String field, Function<String, T> parser) {
		String value = hash.get(field);
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return parser.apply(value);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static Instant epochMillis(String value) {
		return Instant.ofEpochMilli(Long.parseLong(value));
	}

	private static Instant epochSeconds(String value) {
		return Instant.ofEpochSecond(Long.parseLong(value));
	}

}
