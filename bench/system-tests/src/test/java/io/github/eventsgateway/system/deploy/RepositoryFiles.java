package io.github.eventsgateway.system.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of this repository, found from the folder the tests run in (Maven runs them
 * in {@code bench/system-tests}).
 */
final class RepositoryFiles {

	private static final Path ROOT = findRoot();

	private RepositoryFiles() {
	}

	static Path root() {
		return ROOT;
	}

	static Path path(String relative) {
		return ROOT.resolve(relative);
	}

	static String read(String relative) {
		try {
			return Files.readString(path(relative), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path findRoot() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null) {
			if (Files.isRegularFile(directory.resolve("run-local.sh")) && Files.isDirectory(directory.resolve(".ci"))) {
				return directory;
			}
			directory = directory.getParent();
		}
		throw new IllegalStateException(
				"No repository root (with run-local.sh and .ci/) above " + Path.of("").toAbsolutePath());
	}

}
