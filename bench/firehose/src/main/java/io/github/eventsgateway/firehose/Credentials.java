package io.github.eventsgateway.firehose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who a request comes from, named without the token: {@code anonymous} without one,
 * {@code token-1}, {@code token-2}... for the configured personal tokens, the App's
 * installation ({@code app-installation-<id>}) for its installation tokens.
 */
final class Credentials {

	/** The name under which requests without a token are counted. */
	static final String ANONYMOUS = "anonymous";

	/** The name under which requests with a token nobody knows are logged. */
	static final String UNKNOWN = "unknown";

	private final Map<String, String> credentialByToken = new LinkedHashMap<>();

	private final GitHubApp app;

	/**
	 * @param tokens the personal tokens, named {@code token-1}... in this order
	 * @param app the App whose installation tokens are accepted, or {@code null}
	 */
	Credentials(List<String> tokens, GitHubApp app) {
		for (int i = 0; i < tokens.size(); i++) {
			this.credentialByToken.put(tokens.get(i), personalToken(i));
		}
		this.app = app;
	}

	static String personalToken(int index) {
		return "token-" + (index + 1);
	}

	/**
	 * Names the credential of a request.
	 * @param authorization the {@code Authorization} header, or {@code null}
	 * @return the credential, and whether it is accepted
	 */
	Credential resolve(String authorization) {
		if (authorization == null || authorization.isBlank()) {
			return new Credential(ANONYMOUS, true);
		}
		String[] scheme = authorization.trim().split("\\s+", 2);
		if (scheme.length != 2 || !("token".equalsIgnoreCase(scheme[0]) || "bearer".equalsIgnoreCase(scheme[0]))) {
			return new Credential(UNKNOWN, false);
		}
		String token = scheme[1].trim();
		String personal = this.credentialByToken.get(token);
		if (personal != null) {
			return new Credential(personal, true);
		}
		if (this.app != null) {
			GitHubApp.TokenState state = this.app.state(token);
			if (state != GitHubApp.TokenState.UNKNOWN) {
				return new Credential(this.app.credential(), state == GitHubApp.TokenState.VALID);
			}
		}
		return new Credential(UNKNOWN, false);
	}

	/**
	 * A request's credential.
	 *
	 * @param name its name (never the token)
	 * @param accepted {@code false} for a token that is unknown or expired (a 401)
	 */
	record Credential(String name, boolean accepted) {

	}

}
