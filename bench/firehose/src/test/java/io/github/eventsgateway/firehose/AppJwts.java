package io.github.eventsgateway.firehose;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Signs GitHub App JWTs (RS256) the way a client does, for the tests.
 */
final class AppJwts {

	private AppJwts() {
	}

	static PrivateKey privateKey(String pkcs8Pem) {
		String base64 = pkcs8Pem.replace("-----BEGIN PRIVATE KEY-----", "")
			.replace("-----END PRIVATE KEY-----", "")
			.replaceAll("\\s", "");
		try {
			return KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A JWT as GitHub's docs say to make one.
	 * @param key the App's private key
	 * @param issuer the {@code iss} claim as JSON (a number or a quoted string)
	 * @param issuedAt the {@code iat} claim
	 * @param expiresAt the {@code exp} claim
	 * @return the signed JWT
	 */
	static String jwt(PrivateKey key, String issuer, Instant issuedAt, Instant expiresAt) {
		return sign(key, "{\"alg\":\"RS256\",\"typ\":\"JWT\"}", "{\"iat\":" + issuedAt.getEpochSecond() + ",\"exp\":"
				+ expiresAt.getEpochSecond() + ",\"iss\":" + issuer + "}");
	}

	static String sign(PrivateKey key, String header, String claims) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String signed = base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
		try {
			Signature rs256 = Signature.getInstance("SHA256withRSA");
			rs256.initSign(key);
			rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
			return signed + "." + base64.encodeToString(rs256.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
