package io.github.eventsgateway.system.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration table of {@code README.md}: one row per variable (or per group of
 * variables named together), its first cell the names in backticks, its second the
 * defaults.
 */
final class ReadmeConfigurationTable {

	static final String FILE = "README.md";

	private static final Pattern NAME = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

	private final Map<String, String> defaults = new LinkedHashMap<>();

	private ReadmeConfigurationTable(String readme) {
		int section = readme.indexOf("\n## Configuration\n");
		if (section < 0) {
			throw new AssertionError(FILE + " has no '## Configuration' section");
		}
		int next = readme.indexOf("\n## ", section + 1);
		String table = readme.substring(section, (next < 0) ? readme.length() : next);
		for (String row : table.lines().filter((line) -> line.startsWith("| `")).toList()) {
			String[] cells = row.split("\\|");
			Matcher names = NAME.matcher(cells[1]);
			while (names.find()) {
				this.defaults.put(names.group(1), cells[2].trim());
			}
		}
	}

	static ReadmeConfigurationTable load() {
		return new ReadmeConfigurationTable(RepositoryFiles.read(FILE));
	}

	/** Every variable in the table, with the text of its row's default cell. */
	Map<String, String> defaults() {
		return this.defaults;
	}

}
