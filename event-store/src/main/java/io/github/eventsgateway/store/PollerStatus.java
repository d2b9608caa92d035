package io.github.eventsgateway.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.core.JacksonException;

/**
 * The poller's status as readers see it: what the leader last reported
 * ({@link PollerReport}), the store's counters and the lease holder. Any field may be
 * {@code null} when nothing has reported it yet. Never holds a secret.
 *
 * @param leader the instance that last reported as leader
 * @param leaseHolder the instance holding the lease now, or {@code null} when none does
 * @param state what the leader is doing, such as {@code POLLING} or {@code RATE_LIMITED}
 * @param lastPollAt when its last request ended
 * @param lastPollOutcome how it ended: {@code 200}, {@code 304}, {@code 403},
 * {@code 429}, {@code 5xx} or {@code error}
 * @param lastSuccessAt when GitHub last answered with events or 304
 * @param source where events come from: {@code github}, or {@code replay of FILE}
 * @param pacing how requests are paced: {@code budget} or {@code poll-interval}
 * @param pollInterval GitHub's {@code X-Poll-Interval}
 * @param credentials the pool's credentials and their budgets (empty when none reported)
 * @param streams the feed's streams and how they are read (empty when none reported)
 * @param deliveryDelayP50 half the events reach the feed within this of their created_at
 * @param deliveryDelayP99 99 % of them within this
 * @param eventsStored the events stored since the store began
 * @param duplicatesSkipped the events received again and not counted twice
 * @param eventsDropped the events refused as not GitHub's (a field beyond its bounds)
 * @param newestEventAt the newest created_at stored
 * @param suspectedGaps reads that found no event already stored: some were missed
 * @param lastError the last error, one line
 * @param lastErrorAt when it happened
 */
public record PollerStatus(String leader, String leaseHolder, String state, Instant lastPollAt, String lastPollOutcome,
		Instant lastSuccessAt, String source, String pacing, Duration pollInterval, List<CredentialState> credentials,
		List<StreamState> streams, Duration deliveryDelayP50, Duration deliveryDelayP99, Long eventsStored,
		Long duplicatesSkipped, Long eventsDropped, Instant newestEventAt, Long suspectedGaps, String lastError,
		Instant lastErrorAt) {

	/**
	 * How far the newest stored event lags behind a moment.
	 * @param now the moment
	 * @return the lag, or {@code null} when no event is stored
	 */
	public Duration lag(Instant now) {
		return (this.newestEventAt != null) ? Duration.between(this.newestEventAt, now) : null;
	}

	/** Requests left in the budgets of all credentials, or {@code null} before known. */
	public Long rateLimitRemaining() {
		return sum(CredentialState::remaining);
	}

	/** The budgets of all credentials per window, or {@code null} before known. */
	public Long rateLimitLimit() {
		return sum(CredentialState::limit);
	}

	/** The earliest reset of a budget, or {@code null} before known. */
	public Instant rateLimitResetAt() {
		return this.credentials.stream()
			.map(CredentialState::resetAt)
			.filter((at) -> at != null)
			.min(Instant::compareTo)
			.orElse(null);
	}

	/** How many tokens or App installations the poller uses (0 when anonymous). */
	public Integer tokens() {
		if (this.credentials.isEmpty()) {
			return null;
		}
		return (int) this.credentials.stream().filter((credential) -> !"anonymous".equals(credential.kind())).count();
	}

	private Long sum(Function<CredentialState, Long> field) {
		Long total = null;
		for (CredentialState credential : this.credentials) {
			Long value = field.apply(credential);
			if (value != null) {
				total = (total != null) ? total + value : value;
			}
		}
		return total;
	}

	static PollerStatus fromHash(Map<String, String> hash) {
		return new PollerStatus(hash.get("leader"), hash.get("leaseHolder"), hash.get("state"),
				get(hash, "lastPollAt", PollerStatus::epochMillis), hash.get("lastPollOutcome"),
				get(hash, "lastSuccessAt", PollerStatus::epochMillis), hash.get("source"), hash.get("pacing"),
				get(hash, "pollIntervalMillis", PollerStatus::millis),
				list(hash, "credentials", CredentialState[].class), list(hash, "streams", StreamState[].class),
				get(hash, "deliveryDelayP50Millis", PollerStatus::millis),
				get(hash, "deliveryDelayP99Millis", PollerStatus::millis), get(hash, "eventsStored", Long::valueOf),
				get(hash, "duplicatesSkipped", Long::valueOf), get(hash, "eventsDropped", Long::valueOf),
				get(hash, "newestEventAt", PollerStatus::epochSeconds), get(hash, "suspectedGaps", Long::valueOf),
				hash.get("lastError"), get(hash, "lastErrorAt", PollerStatus::epochMillis));
	}

	private static <T> List<T> list(Map<String, String> hash, String field, Class<T[]> type) {
		String json = hash.get(field);
		if (json == null || json.isEmpty()) {
			return List.of();
		}
		try {
			return Arrays.asList(PollerReport.JSON.readValue(json, type));
		}
		catch (JacksonException ex) {
			// Written by another release of the poller: show nothing rather than fail.
			return List.of();
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

	private static Duration millis(String value) {
		return Duration.ofMillis(Long.parseLong(value));
	}

	private static Instant epochMillis(String value) {
		return Instant.ofEpochMilli(Long.parseLong(value));
	}

	private static Instant epochSeconds(String value) {
		return Instant.ofEpochSecond(Long.parseLong(value));
	}

}
