package io.github.eventsgateway.api.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.eventsgateway.store.ApiKeyBudget;

/**
 * The configured API keys: which client a presented key belongs to. Holds the keys'
 * SHA-256 only, so that not even a heap dump shows a key.
 * <p>
 * An entry is {@code name:key} or {@code name:key:rate/burst}: a name of 1 to 32 letters,
 * digits, {@code _ . -}; a key of 16 to 128 letters, digits, {@code _ -} (what
 * {@code openssl rand -hex 24} or {@code -base64url} prints); a budget of {@code rate}
 * requests a second (decimals allowed) and {@code burst} at once,
 * {@value #DEFAULT_BUDGET} when left out. Errors name an entry by its position, never by
 * what it holds.
 */
final class ApiKeys {

	/** The budget of an entry that gives none. */
	static final String DEFAULT_BUDGET = "10/20";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{16,128}");

	private static final Pattern BUDGET = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)/([0-9]{1,9})");

	/** Longer presented keys are not even hashed. */
	private static final int MAX_KEY_LENGTH = 128;

	private final Map<String, ApiClient> clientsByKeyHash;

	private ApiKeys(Map<String, ApiClient> clientsByKeyHash) {
		this.clientsByKeyHash = Map.copyOf(clientsByKeyHash);
	}

	/**
	 * Reads the entries of {@code API_KEYS}.
	 * @param entries the entries; blank ones are ignored
	 * @return the keys, none when there is no entry
	 * @throws IllegalArgumentException when an entry is malformed, or two entries share a
	 * name or a key
	 */
	static ApiKeys parse(List<String> entries) {
		Map<String, ApiClient> clients = new HashMap<>();
		Map<String, Integer> positionsByName = new HashMap<>();
		for (int i = 0; i < entries.size(); i++) {
			String entry = entries.get(i).trim();
			if (entry.isEmpty()) {
				continue;
			}
			int position = i + 1;
			ApiClient client = client(entry, position);
			Integer sameName = positionsByName.putIfAbsent(client.name(), position);
			if (sameName != null) {
				throw invalid(position, "has the name of entry " + sameName + "; give each client its own");
			}
			ApiClient sameKey = clients.putIfAbsent(client.keyHash(), client);
			if (sameKey != null) {
				throw invalid(position,
						"has the key of entry " + positionsByName.get(sameKey.name()) + "; give each client its own");
			}
		}
		return new ApiKeys(clients);
	}

	private static ApiClient client(String entry, int position) {
		String[] parts = entry.split(":", -1);
		if (parts.length < 2 || parts.length > 3) {
			throw invalid(position, "is not name:key or name:key:rate/burst");
		}
		if (!NAME.matcher(parts[0]).matches()) {
			throw invalid(position, "has no valid name: 1 to 32 letters, digits, '_', '.' or '-'");
		}
		if (!KEY.matcher(parts[1]).matches()) {
			throw invalid(position, "has no valid key: 16 to 128 letters, digits, '_' or '-'");
		}
		return new ApiClient(parts[0], sha256(parts[1]),
				budget((parts.length == 3) ? parts[2] : DEFAULT_BUDGET, position));
	}

	private static ApiKeyBudget budget(String text, int position) {
		Matcher matcher = BUDGET.matcher(text);
		if (!matcher.matches()) {
			throw invalid(position, "has no valid budget: rate/burst, such as 10/20 or 0.5/5");
		}
		try {
			return new ApiKeyBudget(Double.parseDouble(matcher.group(1)), Integer.parseInt(matcher.group(2)));
		}
		catch (IllegalArgumentException ex) {
			throw invalid(position, "has no valid budget: " + ex.getMessage());
		}
	}

	private static IllegalArgumentException invalid(int position, String problem) {
		return new IllegalArgumentException("API_KEYS (gateway.api-keys.keys): entry " + position + " " + problem);
	}

	/** Whether keys are required at all: there is at least one. */
	boolean isEnabled() {
		return !this.clientsByKeyHash.isEmpty();
	}

	/**
	 * Finds the client a presented key belongs to.
	 * @param presentedKey what the client sent
	 * @return the client, or {@code null} when the key is not known
	 */
	ApiClient find(String presentedKey) {
		if (presentedKey.length() > MAX_KEY_LENGTH) {
			return null;
		}
		return this.clientsByKeyHash.get(sha256(presentedKey));
	}

	static String sha256(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** Says how many keys there are, never what they are. */
	@Override
	public String toString() {
		return "ApiKeys[" + this.clientsByKeyHash.size() + " keys]";
	}

}
