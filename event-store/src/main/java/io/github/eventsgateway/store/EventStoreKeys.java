package io.github.eventsgateway.store;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Redis key layout. Every key carries the hash tag {@code {events}}, so that all of
 * them fall in one Redis Cluster slot and a Lua script may touch any of them. See
 * {@code docs/redis-schema.md}.
 */
public final class EventStoreKeys {

	/** The default namespace of every key. */
	public static final String DEFAULT_NAMESPACE = "ghe";

	/** What a namespace may be, as error messages say it. */
	public static final String NAMESPACE_RULE = "1 to 32 letters, digits, '_', '.' or '-'";

	private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

	private final String prefix;

	/**
	 * Creates the layout for a namespace, so that several gateways (or tests) can share
	 * one Redis.
	 * @param namespace the first part of every key, such as {@code ghe}
	 */
	public EventStoreKeys(String namespace) {
		if (!isValidNamespace(namespace)) {
			throw new IllegalArgumentException("Namespace must be " + NAMESPACE_RULE);
		}
		this.prefix = namespace + ":{events}:";
	}

	/**
	 * Tells whether a namespace can be used.
	 * @param namespace the namespace, or {@code null}
	 * @return whether it is {@value #NAMESPACE_RULE}
	 */
	public static boolean isValidNamespace(String namespace) {
		return namespace != null && NAMESPACE.matcher(namespace).matches();
	}

	public static EventStoreKeys defaults() {
		return new EventStoreKeys(DEFAULT_NAMESPACE);
	}

	/** The prefix of every key, hash tag included, such as {@code ghe:{events}:}. */
	public String prefix() {
		return this.prefix;
	}

	/** A sorted set per event type: member the event id, score its created_at. */
	public String eventsOfType(String type) {
		return this.prefix + "type:" + type;
	}

	/** The set of every event type ever stored. */
	public String types() {
		return this.prefix + "types";
	}

	/**
	 * A sorted set per repository of its pull requests opened: member the event id, score
	 * its created_at.
	 */
	public String pullRequestsOpened(String repoName) {
		return this.prefix + "pr-opened:" + repoName.toLowerCase(Locale.ROOT);
	}

	/**
	 * The sorted set of repositories made public: member a JSON object, score its
	 * created_at.
	 */
	public String madePublic() {
		return this.prefix + "made-public";
	}

	/** The hash of the poller's status and the store's counters. */
	public String status() {
		return this.prefix + "status";
	}

	/**
	 * The store's version: a string that every script that changes what a reader can see
	 * moves on, in the same script ({@code docs/redis-schema.md}). Readers keep answers
	 * while it stands still.
	 */
	public String version() {
		return this.prefix + "version";
	}

	/**
	 * The string that names the poller instance holding the lease, with its fencing
	 * epoch: {@code <epoch>:<instanceId>}.
	 */
	public String pollerLease() {
		return this.prefix + "poller-lease";
	}

	/** The counter of lease epochs: each new holder of the lease takes the next. */
	public String pollerLeaseEpoch() {
		return this.prefix + "poller-lease-epoch";
	}

	/** The set of the feed's streams the poller has reported capture statistics for. */
	public String captureStreams() {
		return this.prefix + "capture-streams";
	}

	/**
	 * The hash of each stream's capture totals: fields {@code <stream>:captured},
	 * {@code :missed}, {@code :saturations} and {@code :requests}.
	 */
	public String captureTotals() {
		return this.prefix + "capture-totals";
	}

	/**
	 * A sorted set per stream of snapshots of its totals: member
	 * {@code minute:captured:missed:saturations:requests}, score the minute.
	 */
	public String captureSnapshots(String stream) {
		return this.prefix + "capture:" + stream;
	}

	/**
	 * The hash of an API key's request budget (a token bucket).
	 * @param keyHash the key's SHA-256 in lower-case hexadecimal, never the key itself
	 * @return the key
	 */
	public String apiKeyBudget(String keyHash) {
		if (keyHash == null || !keyHash.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("An API key's budget is keyed by the key's SHA-256 in hexadecimal");
		}
		return this.prefix + "api-key:" + keyHash;
	}

}
