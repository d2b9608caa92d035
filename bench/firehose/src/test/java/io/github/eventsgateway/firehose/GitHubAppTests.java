package io.github.eventsgateway.firehose;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.eventsgateway.store.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class GitHubAppTests {

	private static final Instant START = Instant.parse("2026-11-23T10:15:00Z");

	private static final long APP_ID = 123456;

	private static final long INSTALLATION_ID = 98765432;

	private static final String TOKENS_PATH = "/app/installations/" + INSTALLATION_ID + "/access_tokens";

	private final MutableClock clock = new MutableClock(START);

	@TempDir
	Path directory;

	private Firehose firehose;

	private StandInClient client;

	private PrivateKey key;

	@AfterEach
	void stop() {
		if (this.firehose != null) {
			this.firehose.close();
		}
	}

	@Test
	void handsOutInstallationTokensThatShareTheAppsBudget() {
		start(settings());
		HttpResponse<String> created = this.client.post(TOKENS_PATH, "Bearer " + validJwt());
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode body = StandInClient.json(created.body());
		String token = body.path("token").asString();
		assertThat(token).matches("ghs_[A-Za-z0-9]{36}");
		assertThat(Instant.parse(body.path("expires_at").asString())).isEqualTo(START.plus(Duration.ofHours(1)));
		assertThat(body.path("permissions").path("metadata").asString()).isEqualTo("read");
		assertThat(body.path("repository_selection").asString()).isEqualTo("all");
		HttpResponse<String> events = this.client.get("/events", "Bearer " + token);
		assertThat(events.statusCode()).isEqualTo(200);
		assertThat(events.headers().firstValue("x-ratelimit-limit")).hasValue("15000");
		assertThat(events.headers().firstValue("x-ratelimit-remaining")).hasValue("14999");
		String another = StandInClient.json(this.client.post(TOKENS_PATH, "Bearer " + validJwt()).body())
			.path("token")
			.asString();
		assertThat(another).isNotEqualTo(token);
		assertThat(this.client.get("/events", "token " + another).headers().firstValue("x-ratelimit-remaining"))
			.hasValue("14998");
		// a 200 is logged once its write completes, which may be just after the client
		// has read it
		this.client.awaitRequests(4);
		assertThat(this.firehose.requests()).extracting(RecordedRequest::credential)
			.containsExactly("app-123456", "app-installation-98765432", "app-123456", "app-installation-98765432");
		assertThat(this.firehose.requests().get(0).path()).isEqualTo(TOKENS_PATH);
		assertThat(this.firehose.requests().get(0).status()).isEqualTo(201);
		assertThat(this.firehose.requests().toString()).doesNotContain(token).doesNotContain(another);
	}

	@Test
	void acceptsTheIssuerAsAStringAndAnIssuedAtInThePastLikeGitHubsDocs() {
		start(settings());
		String jwt = AppJwts.jwt(this.key, "\"" + APP_ID + "\"", START.minusSeconds(60), START.plusSeconds(540));
		assertThat(this.client.post(TOKENS_PATH, "Bearer " + jwt).statusCode()).isEqualTo(201);
	}

	@Test
	void refusesAJwtSignedWithAnotherKey() {
		start(settings());
		PrivateKey other = AppKeys.generate().getPrivate();
		HttpResponse<String> refused = this.client.post(TOKENS_PATH,
				"Bearer " + AppJwts.jwt(other, Long.toString(APP_ID), START, START.plusSeconds(600)));
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("A JSON web token could not be decoded");
	}

	@Test
	void refusesAnExpiredJwtAfterTheClockSkewAndOneThatLivesTooLong() {
		start(settings());
		String expired = AppJwts.jwt(this.key, Long.toString(APP_ID), START.minusSeconds(661), START.minusSeconds(61));
		assertThat(this.client.post(TOKENS_PATH, "Bearer " + expired).statusCode()).isEqualTo(401);
		String justExpired = AppJwts.jwt(this.key, Long.toString(APP_ID), START.minusSeconds(630),
				START.minusSeconds(30));
		assertThat(this.client.post(TOKENS_PATH, "Bearer " + justExpired).statusCode()).isEqualTo(201);
		String tooLong = AppJwts.jwt(this.key, Long.toString(APP_ID), START, START.plusSeconds(601));
		HttpResponse<String> refused = this.client.post(TOKENS_PATH, "Bearer " + tooLong);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("too far in the future");
	}

	@Test
	void refusesAJwtOfAnotherAppOrWithoutClaimsOrWithoutOne() {
		start(settings());
		assertThat(this.client.post(TOKENS_PATH, "Bearer " + AppJwts.jwt(this.key, "42", START, START.plusSeconds(600)))
			.statusCode()).isEqualTo(401);
		String noExpiry = AppJwts.sign(this.key, "{\"alg\":\"RS256\",\"typ\":\"JWT\"}",
				"{\"iat\":" + START.getEpochSecond() + ",\"iss\":" + APP_ID + "}");
		assertThat(this.client.post(TOKENS_PATH, "Bearer " + noExpiry).statusCode()).isEqualTo(401);
		String unsigned = AppJwts.sign(this.key, "{\"alg\":\"none\"}", "{\"iat\":" + START.getEpochSecond()
				+ ",\"exp\":" + START.plusSeconds(600).getEpochSecond() + ",\"iss\":" + APP_ID + "}");
		assertThat(this.client.post(TOKENS_PATH, "Bearer " + unsigned).statusCode()).isEqualTo(401);
		assertThat(this.client.post(TOKENS_PATH, "Bearer not-a-jwt").statusCode()).isEqualTo(401);
		assertThat(this.client.post(TOKENS_PATH, null).statusCode()).isEqualTo(401);
	}

	@Test
	void answers404ForAnotherInstallationOrWithoutAnApp() {
		start(settings());
		assertThat(this.client.post("/app/installations/1/access_tokens", "Bearer " + validJwt()).statusCode())
			.isEqualTo(404);
		this.firehose.close();
		this.firehose = Firehose.start(FirehoseSettings.builder().clock(this.clock).build());
		this.client = new StandInClient(this.firehose);
		assertThat(this.client.post(TOKENS_PATH, "Bearer " + validJwt()).statusCode()).isEqualTo(404);
	}

	@Test
	void refusesAnExpiredInstallationTokenWith401() {
		start(settings().appTokenLifetime(Duration.ofMinutes(10)));
		String token = StandInClient.json(this.client.post(TOKENS_PATH, "Bearer " + validJwt()).body())
			.path("token")
			.asString();
		this.clock.advance(Duration.ofMinutes(9));
		assertThat(this.client.get("/events", "Bearer " + token).statusCode()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(1));
		HttpResponse<String> expired = this.client.get("/events", "Bearer " + token);
		assertThat(expired.statusCode()).isEqualTo(401);
		assertThat(expired.body()).contains("Bad credentials").doesNotContain(token);
		assertThat(this.firehose.requests()).last()
			.satisfies((request) -> assertThat(request.credential()).isEqualTo("app-installation-98765432"));
	}

	@Test
	void spendsTheAppsOwnBudgetAndRefusesOnceItIsSpent() {
		start(settings().appTokenLimit(2).tokenLimit(1));
		String token = StandInClient.json(this.client.post(TOKENS_PATH, "Bearer " + validJwt()).body())
			.path("token")
			.asString();
		assertThat(this.client.get("/events", "token personal").statusCode()).isEqualTo(200);
		assertThat(this.client.get("/events", "token personal").statusCode()).isEqualTo(403);
		assertThat(this.client.get("/events", "token " + token).statusCode()).isEqualTo(200);
		assertThat(this.client.get("/events", "token " + token).statusCode()).isEqualTo(200);
		HttpResponse<String> spent = this.client.get("/events", "token " + token);
		assertThat(spent.statusCode()).isEqualTo(403);
		assertThat(spent.headers().firstValue("x-ratelimit-remaining")).hasValue("0");
	}

	@Test
	void writesTheGeneratedPrivateKeyAsPkcs8Pem() throws Exception {
		Path keyFile = this.directory.resolve("keys/app.pem");
		this.firehose = Firehose.start(settings().appPrivateKeyOut(keyFile).build());
		this.client = new StandInClient(this.firehose);
		String pem = Files.readString(keyFile);
		assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
		this.key = AppJwts.privateKey(pem);
		assertThat(this.client.post(TOKENS_PATH, "Bearer " + validJwt()).statusCode()).isEqualTo(201);
	}

	@Test
	void checksJwtsAgainstAPublicKeyItIsGiven() throws Exception {
		KeyPair keys = AppKeys.generate();
		Path publicKey = this.directory.resolve("app.pub.pem");
		Files.writeString(publicKey, AppKeys.publicKeyPem(keys.getPublic()));
		this.firehose = Firehose.start(settings().appPublicKey(AppKeys.readPublicKey(publicKey)).build());
		this.client = new StandInClient(this.firehose);
		assertThat(this.firehose.appPrivateKeyPem()).isEmpty();
		this.key = keys.getPrivate();
		assertThat(this.client.post(TOKENS_PATH, "Bearer " + validJwt()).statusCode()).isEqualTo(201);
	}

	private String validJwt() {
		return AppJwts.jwt(this.key, Long.toString(APP_ID), this.clock.instant().minusSeconds(60),
				this.clock.instant().plusSeconds(540));
	}

	private FirehoseSettings.Builder settings() {
		return FirehoseSettings.builder()
			.clock(this.clock)
			.eventsPerSecond(10)
			.tokens(List.of("personal"))
			.app(APP_ID, INSTALLATION_ID);
	}

	private void start(FirehoseSettings.Builder settings) {
		this.firehose = Firehose.start(settings.build());
		this.client = new StandInClient(this.firehose);
		this.key = AppJwts.privateKey(this.firehose.appPrivateKeyPem().orElseThrow());
	}

}
