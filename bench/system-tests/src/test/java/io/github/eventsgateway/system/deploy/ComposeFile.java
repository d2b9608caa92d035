package io.github.eventsgateway.system.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} as parsed YAML, with the {@code ${VARIABLE:-default}}
 * interpolation that compose applies.
 */
final class ComposeFile {

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

	private final Map<String, Object> root;

	private ComposeFile(String text) {
		this.root = new Yaml().load(text);
	}

	static ComposeFile load() {
		return new ComposeFile(RepositoryFiles.read("docker-compose.yml"));
	}

	Map<String, Object> root() {
		return this.root;
	}

	Map<String, Object> services() {
		return map(this.root, "services");
	}

	Map<String, Object> service(String name) {
		return map(services(), name);
	}

	/**
	 * Every variable the file interpolates (in its values, as compose does: not in its
	 * comments), with its default ({@code ""} when it has none).
	 */
	Map<String, String> variables() {
		Map<String, String> variables = new LinkedHashMap<>();
		collectVariables(this.root, variables);
		return variables;
	}

	private static void collectVariables(Object value, Map<String, String> variables) {
		if (value instanceof Map<?, ?> map) {
			map.values().forEach((child) -> collectVariables(child, variables));
		}
		else if (value instanceof List<?> list) {
			list.forEach((child) -> collectVariables(child, variables));
		}
		else if (value != null) {
			Matcher matcher = VARIABLE.matcher(value.toString());
			while (matcher.find()) {
				variables.put(matcher.group(1), (matcher.group(2) != null) ? matcher.group(2) : "");
			}
		}
	}

	/** A value with its variables replaced by their defaults, as compose would. */
	static String interpolate(Object value) {
		Matcher matcher = VARIABLE.matcher(String.valueOf(value));
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(result,
					Matcher.quoteReplacement((matcher.group(2) != null) ? matcher.group(2) : ""));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		if (!(value instanceof Map)) {
			throw new AssertionError("Expected a map at '" + key + "' in " + parent.keySet());
		}
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		if (!(value instanceof List)) {
			throw new AssertionError("Expected a list at '" + key + "' in " + parent.keySet());
		}
		return (List<Object>) value;
	}

}
