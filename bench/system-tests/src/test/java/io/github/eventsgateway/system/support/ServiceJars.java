package io.github.eventsgateway.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds the services' executable jars. This module is built after them, so during
 * {@code mvn verify} they lie in the sibling modules' {@code target} folders; the system
 * properties {@code poller.jar} and {@code metrics-api.jar} point elsewhere.
 */
public final class ServiceJars {

	private static final Set<Path> COPIED = new HashSet<>();

	private ServiceJars() {
	}

	public static Path poller() {
		return find("poller.jar", Path.of("poller-service", "target", "poller-service.jar"));
	}

	public static Path metricsApi() {
		return find("metrics-api.jar", Path.of("metrics-api", "target", "metrics-api.jar"));
	}

	/**
	 * Copies a jar into {@code target/service-jars} once per test run, so that a rebuild
	 * of the service while the tests run cannot pull classes from under a running
	 * process.
	 */
	private static synchronized Path find(String property, Path relative) {
		Path copy = Path.of("target", "service-jars", relative.getFileName().toString()).toAbsolutePath();
		if (!COPIED.contains(copy)) {
			try {
				Files.createDirectories(copy.getParent());
				Files.copy(locate(property, relative), copy, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			COPIED.add(copy);
		}
		return copy;
	}

	private static Path locate(String property, Path relative) {
		String configured = System.getProperty(property);
		if (configured != null) {
			return Path.of(configured);
		}
		// the tests run in bench/system-tests (Maven) or anywhere below the repository
		// root
		for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
			Path candidate = directory.resolve(relative);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("No " + relative + " above " + Path.of("").toAbsolutePath()
				+ ": build it first (mvn -B package), or set -D" + property + "=PATH");
	}

}
