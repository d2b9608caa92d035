package io.github.eventsgateway.poller.github;

import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub token with a label that is safe to log: the value itself never appears in
 * {@link #toString()}, logs, errors or status.
 *
 * @param label how logs name it, such as {@code token 2 of 3}, or {@code anonymous}
 * @param value the secret, or {@code null} for anonymous requests
 */
public record GitHubToken(String label, String value) {

	/** No token: GitHub's anonymous budget of 60 requests an hour. */
	public static final GitHubToken ANONYMOUS = new GitHubToken("anonymous", null);

	/**
	 * Labels tokens by their position.
	 * @param values the secrets, in configuration order
	 * @return the tokens
	 */
	public static List<GitHubToken> of(List<String> values) {
		List<GitHubToken> tokens = new ArrayList<>(values.size());
		for (int i = 0; i < values.size(); i++) {
			tokens.add(new GitHubToken("token " + (i + 1) + " of " + values.size(), values.get(i)));
		}
		return List.copyOf(tokens);
	}

	public boolean isAnonymous() {
		return this.value == null;
	}

	@Override
	public String toString() {
		return this.label;
	}

}
