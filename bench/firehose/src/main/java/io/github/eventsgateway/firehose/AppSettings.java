package io.github.eventsgateway.firehose;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;

/**
 * The GitHub App the stand-in knows, if any: the App that may sign JWTs, its one
 * installation, and the budget shared by that installation's tokens.
 *
 * @param appId the App's id, 0 for no App
 * @param installationId the id of the App's installation
 * @param publicKey the App's RSA public key, or {@code null} to generate a key pair at
 * start
 * @param privateKeyOut where to write a generated private key (PKCS#8 PEM), or
 * {@code null}
 * @param tokenLimit the requests the installation's tokens may spend together per
 * rate-limit window
 * @param tokenLifetime how long an installation token is accepted
 */
public record AppSettings(long appId, long installationId, PublicKey publicKey, Path privateKeyOut, int tokenLimit,
		Duration tokenLifetime) {

	/** No App. */
	public static final AppSettings NONE = new AppSettings(0, 0, null, null, 15_000, Duration.ofHours(1));

	public AppSettings {
		if (appId < 0 || installationId < 0) {
			throw new IllegalArgumentException("App and installation ids must not be negative");
		}
		if (appId > 0 && installationId == 0) {
			throw new IllegalArgumentException("An App needs an installation id");
		}
		if (tokenLimit < 0) {
			throw new IllegalArgumentException("tokenLimit must not be negative");
		}
		if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
			throw new IllegalArgumentException("tokenLifetime must be positive");
		}
	}

	public boolean enabled() {
		return this.appId > 0;
	}

}
