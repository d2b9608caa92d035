package io.github.eventsgateway.store;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the leading poller reports of itself after each read: the write side of the status
 * ({@link PollerStatus} is what readers see). {@code null} fields leave the stored ones
 * as they are. Never holds a secret.
 *
 * @param leader the instance reporting
 * @param state what it is doing, such as {@code POLLING} or {@code RATE_LIMITED}
 * @param lastPollAt when its last request ended
 * @param lastPollOutcome how it ended: {@code 200}, {@code 304}, {@code 403},
 * {@code 429}, {@code 5xx} or {@code error}
 * @param lastSuccessAt when GitHub last answered with events or 304
 * @param source where events come from: {@code github}, or {@code replay of FILE}
 * @param pacing how requests are paced: {@code budget} or {@code poll-interval}
 * @param pollInterval GitHub's {@code X-Poll-Interval}
 * @param credentials the pool's credentials and their budgets
 * @param streams the feed's streams and how they are read
 * @param deliveryDelayP50 half the events reach the feed within this of their created_at
 * @param deliveryDelayP99 99 % of them within this
 * @param lastError the last error, one line, or {@code null}
 * @param lastErrorAt when it happened
 * @param suspectedGaps reads to add to the count of those that found nothing already
 * stored
 * @param eventsDropped events to add to the count of those refused as not GitHub's
 */
public record PollerReport(String leader, String state, Instant lastPollAt, String lastPollOutcome,
		Instant lastSuccessAt, String source, String pacing, Duration pollInterval, List<CredentialState> credentials,
		List<StreamState> streams, Duration deliveryDelayP50, Duration deliveryDelayP99, String lastError,
		Instant lastErrorAt, long suspectedGaps, long eventsDropped) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	public static Builder builder(String leader) {
		return new Builder(leader);
	}

	/** The hash fields to set (the counters are added separately). */
	Map<String, String> toFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		put(fields, "leader", this.leader);
		put(fields, "state", this.state);
		put(fields, "lastPollAt", millis(this.lastPollAt));
		put(fields, "lastPollOutcome", this.lastPollOutcome);
		put(fields, "lastSuccessAt", millis(this.lastSuccessAt));
		put(fields, "source", this.source);
		put(fields, "pacing", this.pacing);
		put(fields, "pollIntervalMillis", (this.pollInterval != null) ? this.pollInterval.toMillis() : null);
		put(fields, "credentials", (this.credentials != null) ? JSON.writeValueAsString(this.credentials) : null);
		put(fields, "streams", (this.streams != null) ? JSON.writeValueAsString(this.streams) : null);
		put(fields, "deliveryDelayP50Millis",
				(this.deliveryDelayP50 != null) ? this.deliveryDelayP50.toMillis() : null);
		put(fields, "deliveryDelayP99Millis",
				(this.deliveryDelayP99 != null) ? this.deliveryDelayP99.toMillis() : null);
		put(fields, "lastError", this.lastError);
		put(fields, "lastErrorAt", millis(this.lastErrorAt));
		return fields;
	}

	private static Long millis(Instant instant) {
		return (instant != null) ? instant.toEpochMilli() : null;
	}

	private static void put(Map<String, String> fields, String name, Object value) {
		if (value != null) {
			fields.put(name, value.toString());
		}
	}

	/** Builds a report field by field: what is not set stays as stored. */
	public static final class Builder {

		private final String leader;

		private String state;

		private Instant lastPollAt;

		private String lastPollOutcome;

		private Instant lastSuccessAt;

		private String source;

		private String pacing;

		private Duration pollInterval;

		private List<CredentialState> credentials;

		private List<StreamState> streams;

		private Duration deliveryDelayP50;

		private Duration deliveryDelayP99;

		private String lastError;

		private Instant lastErrorAt;

		private long suspectedGaps;

		private long eventsDropped;

		private Builder(String leader) {
			this.leader = leader;
		}

		public Builder state(String state) {
			this.state = state;
			return this;
		}

		public Builder lastPoll(Instant at, String outcome) {
			this.lastPollAt = at;
			this.lastPollOutcome = outcome;
			return this;
		}

		public Builder lastSuccessAt(Instant lastSuccessAt) {
			this.lastSuccessAt = lastSuccessAt;
			return this;
		}

		public Builder source(String source) {
			this.source = source;
			return this;
		}

		public Builder pacing(String pacing) {
			this.pacing = pacing;
			return this;
		}

		public Builder pollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
			return this;
		}

		public Builder credentials(List<CredentialState> credentials) {
			this.credentials = credentials;
			return this;
		}

		public Builder streams(List<StreamState> streams) {
			this.streams = streams;
			return this;
		}

		public Builder deliveryDelay(Duration p50, Duration p99) {
			this.deliveryDelayP50 = p50;
			this.deliveryDelayP99 = p99;
			return this;
		}

		public Builder error(String error, Instant at) {
			this.lastError = error;
			this.lastErrorAt = at;
			return this;
		}

		public Builder suspectedGaps(long suspectedGaps) {
			this.suspectedGaps = suspectedGaps;
			return this;
		}

		public Builder eventsDropped(long eventsDropped) {
			this.eventsDropped = eventsDropped;
			return this;
		}

		public PollerReport build() {
			return new PollerReport(this.leader, this.state, this.lastPollAt, this.lastPollOutcome, this.lastSuccessAt,
					this.source, this.pacing, this.pollInterval, this.credentials, this.streams, this.deliveryDelayP50,
					this.deliveryDelayP99, this.lastError, this.lastErrorAt, this.suspectedGaps, this.eventsDropped);
		}

	}

}
