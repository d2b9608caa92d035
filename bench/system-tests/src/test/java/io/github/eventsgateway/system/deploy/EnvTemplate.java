package io.github.eventsgateway.system.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code .env.template}: every variable with its default and the comment above it.
 */
final class EnvTemplate {

	private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Z_][A-Z0-9_]*)=(.*)$");

	private final Map<String, String> defaults = new LinkedHashMap<>();

	private final Map<String, String> comments = new LinkedHashMap<>();

	private EnvTemplate(List<String> lines) {
		StringBuilder comment = new StringBuilder();
		for (String line : lines) {
			Matcher matcher = ASSIGNMENT.matcher(line);
			if (line.startsWith("#")) {
				comment.append(line.substring(1).trim()).append(' ');
			}
			else if (matcher.matches()) {
				this.defaults.put(matcher.group(1), matcher.group(2));
				this.comments.put(matcher.group(1), comment.toString().trim());
				comment.setLength(0);
			}
			else {
				comment.setLength(0);
			}
		}
	}

	static EnvTemplate load() {
		return new EnvTemplate(RepositoryFiles.read(".env.template").lines().toList());
	}

	Map<String, String> defaults() {
		return this.defaults;
	}

	/** The comment lines right above a variable, joined. */
	String comment(String variable) {
		return this.comments.getOrDefault(variable, "");
	}

}
