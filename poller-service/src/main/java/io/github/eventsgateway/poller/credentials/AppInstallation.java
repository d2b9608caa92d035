package io.github.eventsgateway.poller.credentials;

import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.eventsgateway.poller.github.GitHubAppException;
import io.github.eventsgateway.poller.github.GitHubOperations;
import io.github.eventsgateway.poller.github.InstallationToken;
import reactor.core.publisher.Mono;

/**
 * A GitHub App installation: its requests carry an installation token, which it gets by
 * signing a short-lived JSON web token with the App's private key and fetches again
 * before the token expires (or at once when GitHub refuses it).
 */
public final class AppInstallation implements Credential {

	/**
	 * A token is replaced this long before it expires, so no request carries a stale one.
	 */
	static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

	/** The JWT's validity: GitHub allows at most 10 minutes. */
	private static final Duration JWT_LIFETIME = Duration.ofMinutes(9);

	/** The JWT is dated this far back, for clocks a little ahead of GitHub's. */
	private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private final String appId;

	private final String installationId;

	private final RSASSASigner signer;

	private final GitHubOperations github;

	private final Clock clock;

	private final String label;

	/** A token refused this soon after it was fetched means the installation is gone. */
	private static final Duration FRESH = Duration.ofMinutes(1);

	private volatile Mono<InstallationToken> token;

	private volatile Instant fetchedAt;

	/**
	 * Creates the credential; nothing is requested until the first use.
	 * @param appId the App's id ({@code GITHUB_APP_ID})
	 * @param installationId the installation's id ({@code GITHUB_APP_INSTALLATION_ID})
	 * @param privateKey the PEM key or its path ({@code GITHUB_APP_PRIVATE_KEY})
	 * @param github where to get installation tokens
	 * @param clock the clock
	 * @return the credential
	 * @throws io.github.eventsgateway.store.autoconfigure.InvalidConfigurationException
	 * when the key cannot be read
	 */
	public static AppInstallation of(String appId, String installationId, String privateKey, GitHubOperations github,
			Clock clock) {
		return new AppInstallation(appId, installationId, AppPrivateKey.read(privateKey), github, clock);
	}

	AppInstallation(String appId, String installationId, RSAPrivateKey privateKey, GitHubOperations github,
			Clock clock) {
		this.appId = appId;
		this.installationId = installationId;
		this.signer = new RSASSASigner(privateKey);
		this.github = github;
		this.clock = clock;
		this.label = "app " + appId + " installation " + installationId;
	}

	@Override
	public String label() {
		return this.label;
	}

	@Override
	public Kind kind() {
		return Kind.APP;
	}

	@Override
	public Mono<String> authorization() {
		return currentToken().map((token) -> "Bearer " + token.value());
	}

	@Override
	public boolean refused() {
		// A refused token is dropped and a new one fetched; but when even a fresh token
		// is refused, the installation itself is gone (uninstalled, suspended).
		Instant fetched = this.fetchedAt;
		this.token = null;
		return fetched == null || this.clock.instant().isAfter(fetched.plus(FRESH));
	}

	private Mono<InstallationToken> currentToken() {
		Mono<InstallationToken> current = this.token;
		if (current == null) {
			current = fetch();
			this.token = current;
		}
		return current.flatMap((token) -> {
			if (this.clock.instant().isBefore(token.expiresAt().minus(REFRESH_BEFORE_EXPIRY))) {
				return Mono.just(token);
			}
			Mono<InstallationToken> fresh = fetch();
			this.token = fresh;
			return fresh;
		}).onErrorResume(GitHubAppException.class, (ex) -> {
			this.token = null;
			return Mono.error(ex);
		});
	}

	/** One request for a token, shared by every caller until it is replaced. */
	private Mono<InstallationToken> fetch() {
		return Mono.defer(() -> this.github.createInstallationToken(this.installationId, jwt()))
			.doOnNext((token) -> this.fetchedAt = this.clock.instant())
			.cache((token) -> Duration.ofDays(3650), (ex) -> Duration.ZERO, () -> Duration.ZERO);
	}

	String jwt() {
		Instant now = this.clock.instant();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.appId)
			.issueTime(Date.from(now.minus(CLOCK_SKEW)))
			.expirationTime(Date.from(now.plus(JWT_LIFETIME)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new GitHubAppException("Cannot sign the App's JSON web token: " + ex.getMessage());
		}
		return jwt.serialize();
	}

	@Override
	public String toString() {
		return this.label;
	}

}
