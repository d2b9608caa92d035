package io.github.eventsgateway.firehose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The App's RSA keys as PEM files: a generated pair's private key written as PKCS#8
 * ({@code -----BEGIN PRIVATE KEY-----}), which is what a client is then started with, and
 * a public key read from {@code -----BEGIN PUBLIC KEY-----}.
 */
final class AppKeys {

	private AppKeys() {
	}

	static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate an RSA key pair", ex);
		}
	}

	static String privateKeyPem(PrivateKey key) {
		return pem("PRIVATE KEY", key.getEncoded());
	}

	static String publicKeyPem(PublicKey key) {
		return pem("PUBLIC KEY", key.getEncoded());
	}

	/**
	 * Writes a private key, readable by its owner only where the file system allows.
	 * @param pem the PEM text
	 * @param file where to write it
	 */
	static void write(String pem, Path file) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, pem, StandardCharsets.US_ASCII);
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the App's private key to " + file, ex);
		}
	}

	/**
	 * Reads an RSA public key.
	 * @param file a {@code -----BEGIN PUBLIC KEY-----} PEM file
	 * @return the key
	 */
	static PublicKey readPublicKey(Path file) {
		try {
			String pem = Files.readString(file, StandardCharsets.US_ASCII);
			String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
			return KeyFactory.getInstance("RSA")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the App's public key from " + file, ex);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("Not an RSA public key in PEM (BEGIN PUBLIC KEY): " + file, ex);
		}
	}

	private static String pem(String label, byte[] der) {
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
	}

}
