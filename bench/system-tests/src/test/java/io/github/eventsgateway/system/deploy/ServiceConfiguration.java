package io.github.eventsgateway.system.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A service's {@code src/main/resources/application.yml}: the environment variables it
 * reads, as Spring placeholders {@code ${NAME:default}} (nested ones included, such as
 * {@code ${POLLER_SOURCE:${poller.source:github}}}), with their defaults.
 *
 * @param module the module's folder, such as {@code poller-service}
 * @param file the file, relative to the repository root
 * @param variables each variable read, with its default ({@code ""} when it has none)
 */
record ServiceConfiguration(String module, String file, Map<String, String> variables) {

	private static final String RELATIVE = "src/main/resources/application.yml";

	/** The configuration of every module that has one, the benchmarks' included. */
	static List<ServiceConfiguration> all() {
		Path root = RepositoryFiles.root();
		try (Stream<Path> files = Stream.concat(Files.list(root), Files.list(root.resolve("bench")))) {
			return files.filter((module) -> Files.isRegularFile(module.resolve(RELATIVE)))
				.map((module) -> root.relativize(module).toString())
				.sorted()
				.map(ServiceConfiguration::load)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ServiceConfiguration load(String module) {
		String file = module + "/" + RELATIVE;
		Map<String, String> variables = new LinkedHashMap<>();
		collect(RepositoryFiles.read(file), variables);
		return new ServiceConfiguration(module, file, variables);
	}

	/** Reads every {@code ${NAME...}} in a text, nested placeholders included. */
	private static void collect(String text, Map<String, String> variables) {
		int start = text.indexOf("${");
		while (start >= 0) {
			int end = closingBrace(text, start);
			String placeholder = text.substring(start + 2, end);
			int colon = placeholder.indexOf(':');
			String name = (colon < 0) ? placeholder : placeholder.substring(0, colon);
			String fallback = (colon < 0) ? "" : placeholder.substring(colon + 1);
			if (name.matches("[A-Z][A-Z0-9_]*")) {
				variables.put(name, defaultOf(fallback));
			}
			collect(fallback, variables);
			start = text.indexOf("${", end);
		}
	}

	/** The value a fallback comes to when nothing is set: a nested placeholder's own. */
	private static String defaultOf(String fallback) {
		if (!fallback.startsWith("${")) {
			return fallback;
		}
		String inner = fallback.substring(2, closingBrace(fallback, 0));
		int colon = inner.indexOf(':');
		return (colon < 0) ? "" : defaultOf(inner.substring(colon + 1));
	}

	private static int closingBrace(String text, int start) {
		int depth = 0;
		for (int i = start + 1; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				return i;
			}
		}
		throw new IllegalStateException("Unclosed placeholder at " + text.substring(start));
	}

}
