package io.github.eventsgateway.poller.credentials;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;

import io.github.eventsgateway.store.autoconfigure.InvalidConfigurationException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads a GitHub App's private key: the PEM file GitHub hands out (PKCS#1,
 * {@code BEGIN RSA PRIVATE KEY}) or a PKCS#8 one, given as the file's path or as its
 * content. Errors never quote the key.
 */
final class AppPrivateKey {

	private AppPrivateKey() {
	}

	/**
	 * Reads the key.
	 * @param pemOrPath the PEM content (literal {@code \n} sequences are taken as line
	 * breaks, as an environment variable may hold them) or the path of a PEM file
	 * @return the key
	 * @throws InvalidConfigurationException when it is not a readable RSA private key
	 */
	static RSAPrivateKey read(String pemOrPath) {
		String pem = pemOrPath.contains("-----BEGIN") ? pemOrPath.replace("\\n", "\n") : readFile(pemOrPath);
		try (PEMParser parser = new PEMParser(new StringReader(pem))) {
			Object object = parser.readObject();
			JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
			PrivateKey key;
			if (object instanceof PEMKeyPair pair) {
				key = converter.getKeyPair(pair).getPrivate();
			}
			else if (object instanceof PrivateKeyInfo info) {
				key = converter.getPrivateKey(info);
			}
			else {
				throw unreadable();
			}
			if (key instanceof RSAPrivateKey rsa) {
				return rsa;
			}
			throw unreadable();
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidConfigurationException invalid) {
				throw invalid;
			}
			throw unreadable();
		}
	}

	private static String readFile(String path) {
		try {
			return Files.readString(Path.of(path.trim()), StandardCharsets.UTF_8);
		}
		catch (IOException | InvalidPathException ex) {
			throw new InvalidConfigurationException(
					"GITHUB_APP_PRIVATE_KEY is neither a PEM key nor a readable file: cannot read the file given");
		}
	}

	private static InvalidConfigurationException unreadable() {
		return new InvalidConfigurationException("GITHUB_APP_PRIVATE_KEY is not an RSA private key in PEM form"
				+ " (the .pem file GitHub gives for the App, or its content)");
	}

}
