package io.github.eventsgateway.firehose;

import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one GitHub App the stand-in knows, with its one installation: it checks the App's
 * JWTs, hands out installation tokens ({@code ghs_...}) that expire, and tells whether a
 * token is one of them. All tokens of the installation share one budget, named
 * {@link #credential()}.
 */
final class GitHubApp {

	private static final char[] TOKEN_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private final AppSettings settings;

	private final Clock clock;

	private final AppJwtVerifier verifier;

	private final String privateKeyPem;

	private final SecureRandom random = new SecureRandom();

	/** Every token handed out, with when it expires. */
	private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

	private GitHubApp(AppSettings settings, Clock clock, PublicKey publicKey, String privateKeyPem) {
		this.settings = settings;
		this.clock = clock;
		this.verifier = new AppJwtVerifier(settings.appId(), publicKey);
		this.privateKeyPem = privateKeyPem;
	}

	/**
	 * The App of the settings: with their public key, or with a key pair generated now
	 * whose private key is written to {@link AppSettings#privateKeyOut()} if given.
	 * @param settings the App's settings (enabled)
	 * @param clock the clock of JWT checks and token expiry
	 * @return the App
	 */
	static GitHubApp create(AppSettings settings, Clock clock) {
		if (settings.publicKey() != null) {
			return new GitHubApp(settings, clock, settings.publicKey(), null);
		}
		KeyPair keys = AppKeys.generate();
		String privateKeyPem = AppKeys.privateKeyPem(keys.getPrivate());
		if (settings.privateKeyOut() != null) {
			AppKeys.write(privateKeyPem, settings.privateKeyOut());
		}
		return new GitHubApp(settings, clock, keys.getPublic(), privateKeyPem);
	}

	AppSettings settings() {
		return this.settings;
	}

	/** The name under which the installation's tokens are counted: never a token. */
	String credential() {
		return "app-installation-" + this.settings.installationId();
	}

	/** The name under which the App's JWT requests are logged: never the JWT. */
	String jwtCredential() {
		return "app-" + this.settings.appId();
	}

	/**
	 * The generated private key in PKCS#8 PEM, empty if the App was given a public key.
	 */
	Optional<String> privateKeyPem() {
		return Optional.ofNullable(this.privateKeyPem);
	}

	/**
	 * Checks the JWT of a token request.
	 * @param jwt the token after {@code Bearer}
	 * @return what is wrong with it, empty if valid
	 */
	Optional<String> jwtProblem(String jwt) {
		return this.verifier.problem(jwt, this.clock.instant());
	}

	boolean isInstallation(String installationId) {
		return Long.toString(this.settings.installationId()).equals(installationId);
	}

	/**
	 * Hands out a fresh installation token.
	 * @return the token and when it expires (to the second, as GitHub says it)
	 */
	InstallationToken issueToken() {
		Instant expiresAt = this.clock.instant().plus(this.settings.tokenLifetime()).truncatedTo(ChronoUnit.SECONDS);
		char[] token = new char[36];
		for (int i = 0; i < token.length; i++) {
			token[i] = TOKEN_CHARACTERS[this.random.nextInt(TOKEN_CHARACTERS.length)];
		}
		String value = "ghs_" + new String(token);
		this.tokens.put(value, expiresAt);
		return new InstallationToken(value, expiresAt);
	}

	/**
	 * What a token is to this App.
	 * @param token a token from an {@code Authorization} header
	 * @return whether it is one of the installation's, and still valid
	 */
	TokenState state(String token) {
		Instant expiresAt = this.tokens.get(token);
		if (expiresAt == null) {
			return TokenState.UNKNOWN;
		}
		return this.clock.instant().isBefore(expiresAt) ? TokenState.VALID : TokenState.EXPIRED;
	}

	enum TokenState {

		UNKNOWN, VALID, EXPIRED

	}

	/**
	 * An installation token as handed out.
	 *
	 * @param token the token
	 * @param expiresAt when it stops being accepted
	 */
	record InstallationToken(String token, Instant expiresAt) {

		@Override
		public String toString() {
			// never the token itself, should a record end up in a log
			return "InstallationToken[expiresAt=" + this.expiresAt + "]";
		}

	}

}
