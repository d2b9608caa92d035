package io.github.eventsgateway.store;

import java.util.Locale;

/**
 * The Redis key layout. Every key carries the hash tag {@code {events}}, so that all of
 * them fall in one Redis Cluster slot and a Lua script may touch any of them. See
 * {@code docs/redis-schema.md}.
 */
public final class EventStoreKeys {

	/** The default namespace of every key. */
	public static final String DEFAULT_NAMESPACE = "ghe";

	private final String prefix;

	/**
	 * Creates the layout for a namespace, so that several gateways (or tests) can share
	 * one Redis.
	 * @param namespace the first part of every key, such as {@code ghe}
	 */
	public EventStoreKeys(String namespace) {
		if (namespace == null || !namespace.matches("[A-Za-z0-9_.-]{1,32}")) {
			throw new IllegalArgumentException("Namespace must be 1 to 32 letters, digits, '_', '.' or '-'");
		}
		this.prefix = namespace + ":{events}:";
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

	/** The string that names the poller instance holding the lease. */
	public String pollerLease() {
		return this.prefix + "poller-lease";
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
