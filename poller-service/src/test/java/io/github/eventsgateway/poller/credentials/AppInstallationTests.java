package io.github.eventsgateway.poller.credentials;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.github.eventsgateway.poller.github.GitHubAppException;
import io.github.eventsgateway.poller.github.GitHubOperations;
import io.github.eventsgateway.poller.github.InstallationToken;
import io.github.eventsgateway.poller.github.PageAnswer;
import io.github.eventsgateway.store.autoconfigure.InvalidConfigurationException;
import io.github.eventsgateway.store.testing.MutableClock;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AppInstallationTests {

	private static final KeyPair KEYS = generate();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

	private final FakeGitHub github = new FakeGitHub();

	@Test
	void signsAShortLivedJwtWithTheAppsKey() throws Exception {
		AppInstallation app = AppInstallation.of("12345", "678", pkcs8(), this.github, this.clock);
		SignedJWT jwt = SignedJWT.parse(app.jwt());
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) KEYS.getPublic()))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("12345");
		Duration lifetime = Duration.between(jwt.getJWTClaimsSet().getIssueTime().toInstant(),
				jwt.getJWTClaimsSet().getExpirationTime().toInstant());
		assertThat(lifetime).isLessThanOrEqualTo(Duration.ofMinutes(10));
		assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isBefore(this.clock.instant());
	}

	@Test
	void readsTheKeyGitHubHandsOutAsAFileOrAsItsContent(@TempDir Path directory) throws IOException {
		Path file = Files.writeString(directory.resolve("app.pem"), pkcs1());
		assertThat(AppInstallation.of("1", "2", file.toString(), this.github, this.clock).label())
			.isEqualTo("app 1 installation 2");
		assertThat(AppInstallation.of("1", "2", pkcs1().replace("\n", "\\n"), this.github, this.clock)).isNotNull();
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> AppInstallation.of("1", "2", "-----BEGIN RSA PRIVATE KEY-----\nnotakey\n", this.github,
					this.clock))
			.withMessageStartingWith("GITHUB_APP_PRIVATE_KEY is not an RSA private key")
			.withMessageNotContaining("notakey");
	}

	@Test
	void fetchesAnInstallationTokenOnceAndAgainBeforeItExpires() {
		AppInstallation app = AppInstallation.of("12345", "678", pkcs8(), this.github, this.clock);
		app.authorization().as(StepVerifier::create).expectNext("Bearer ghs_1").verifyComplete();
		this.clock.advance(Duration.ofMinutes(50));
		app.authorization().as(StepVerifier::create).expectNext("Bearer ghs_1").verifyComplete();
		this.clock.advance(Duration.ofMinutes(6));
		app.authorization().as(StepVerifier::create).expectNext("Bearer ghs_2").verifyComplete();
		assertThat(this.github.installations).containsExactly("678", "678");
		assertThat(app.toString()).doesNotContain("ghs_");
	}

	@Test
	void getsANewTokenWhenGitHubRefusesOneButGivesUpWhenAFreshOneIsRefused() {
		AppInstallation app = AppInstallation.of("12345", "678", pkcs8(), this.github, this.clock);
		app.authorization().block();
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(app.refused()).isTrue();
		app.authorization().as(StepVerifier::create).expectNext("Bearer ghs_2").verifyComplete();
		assertThat(app.refused()).as("a fresh token refused: the installation is gone").isFalse();
	}

	@Test
	void saysWhyNoTokenCouldBeHad() {
		this.github.refuse = true;
		AppInstallation app = AppInstallation.of("12345", "678", pkcs8(), this.github, this.clock);
		app.authorization()
			.as(StepVerifier::create)
			.verifyErrorMessage("GitHub answered 404 to the App's token request");
		this.github.refuse = false;
		app.authorization().as(StepVerifier::create).expectNext("Bearer ghs_1").verifyComplete();
	}

	private static String pkcs8() {
		return pem(new PemObject("PRIVATE KEY", KEYS.getPrivate().getEncoded()));
	}

	/** The {@code BEGIN RSA PRIVATE KEY} form GitHub hands out. */
	private static String pkcs1() {
		try {
			return pem(new JcaMiscPEMGenerator(KEYS.getPrivate()).generate());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String pem(PemObject object) {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(object);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return text.toString();
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** GitHub's App endpoint: tokens that expire an hour after they are made. */
	private final class FakeGitHub implements GitHubOperations {

		private final List<String> installations = new ArrayList<>();

		private boolean refuse;

		@Override
		public Mono<PageAnswer> events(int page, String authorization, String etag) {
			return Mono.error(new UnsupportedOperationException());
		}

		@Override
		public Mono<InstallationToken> createInstallationToken(String installationId, String jwt) {
			return Mono.defer(() -> {
				if (this.refuse) {
					return Mono.error(new GitHubAppException("GitHub answered 404 to the App's token request"));
				}
				try {
					SignedJWT.parse(jwt).verify(new RSASSAVerifier((RSAPublicKey) KEYS.getPublic()));
				}
				catch (ParseException | JOSEException ex) {
					return Mono.error(ex);
				}
				this.installations.add(installationId);
				return Mono.just(new InstallationToken("ghs_" + this.installations.size(),
						AppInstallationTests.this.clock.instant().plus(Duration.ofHours(1))));
			});
		}

	}

}
