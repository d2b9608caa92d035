package io.github.eventsgateway.poller.github;

import java.time.Instant;

/**
 * An installation access token of a GitHub App.
 *
 * @param value the secret (never logged: see {@link #toString()})
 * @param expiresAt when GitHub stops accepting it
 */
public record InstallationToken(String value, Instant expiresAt) {

	@Override
	public String toString() {
		return "InstallationToken[expiresAt=" + this.expiresAt + "]";
	}

}
