package io.github.eventsgateway.firehose;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the JWT a GitHub App signs to ask for an installation token, as GitHub does:
 * RS256 with the App's public key, {@code iss} the App's id (a string or a number),
 * {@code iat} and {@code exp} present, at most 10 minutes apart, not expired and not
 * issued in the future (60 s of clock skew allowed either way).
 */
final class AppJwtVerifier {

	/** The longest a JWT may live, from {@code iat} to {@code exp}. */
	static final Duration MAX_LIFETIME = Duration.ofMinutes(10);

	/** The clock skew GitHub tolerates. */
	static final Duration SKEW = Duration.ofSeconds(60);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final long appId;

	private final PublicKey publicKey;

	AppJwtVerifier(long appId, PublicKey publicKey) {
		this.appId = appId;
		this.publicKey = publicKey;
	}

	/**
	 * Checks a JWT.
	 * @param jwt the token after {@code Bearer}
	 * @param now the time to check against
	 * @return what is wrong with it (GitHub's words), empty if it is valid
	 */
	Optional<String> problem(String jwt, Instant now) {
		String[] parts = jwt.split("\\.", -1);
		if (parts.length != 3) {
			return Optional.of("A JSON web token could not be decoded");
		}
		JsonNode header;
		JsonNode claims;
		try {
			header = JSON.readTree(base64Url(parts[0]));
			claims = JSON.readTree(base64Url(parts[1]));
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return Optional.of("A JSON web token could not be decoded");
		}
		if (!"RS256".equals(header.path("alg").asString(null)) || !signatureMatches(parts)) {
			return Optional.of("A JSON web token could not be decoded");
		}
		JsonNode issuer = claims.path("iss");
		if (!(issuer.isIntegralNumber() || issuer.isString()) || !Long.toString(this.appId).equals(issuer.asString())) {
			return Optional.of("'Issuer' claim ('iss') must be an Integer");
		}
		if (!claims.path("iat").isIntegralNumber()) {
			return Optional.of("'Issued at' claim ('iat') must be an Integer representing the time that the "
					+ "assertion was issued");
		}
		if (!claims.path("exp").isIntegralNumber()) {
			return Optional.of("'Expiration time' claim ('exp') must be a numeric value representing the future "
					+ "time at which the assertion expires");
		}
		Instant issuedAt = Instant.ofEpochSecond(claims.path("iat").asLong());
		Instant expiresAt = Instant.ofEpochSecond(claims.path("exp").asLong());
		if (Duration.between(issuedAt, expiresAt).compareTo(MAX_LIFETIME) > 0) {
			return Optional.of("'Expiration time' claim ('exp') is too far in the future");
		}
		if (!now.isBefore(expiresAt.plus(SKEW))) {
			return Optional.of("'Expiration time' claim ('exp') must be a numeric value representing the future "
					+ "time at which the assertion expires");
		}
		if (issuedAt.isAfter(now.plus(SKEW))) {
			return Optional.of("'Issued at' claim ('iat') must be an Integer representing a time in the past");
		}
		return Optional.empty();
	}

	private boolean signatureMatches(String[] parts) {
		try {
			Signature rs256 = Signature.getInstance("SHA256withRSA");
			rs256.initVerify(this.publicKey);
			rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
			return rs256.verify(base64Url(parts[2]));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	private static byte[] base64Url(String part) {
		return Base64.getUrlDecoder().decode(part);
	}

}
