package io.github.eventsgateway.system.deploy;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code run-local.sh} as text. By the script's own convention it reads a variable from
 * the environment (or {@code .env}) exactly where it writes {@code ${NAME:-default}} or
 * {@code ${NAME:=default}}.
 */
final class RunLocalScript {

	static final String FILE = "run-local.sh";

	private static final Pattern READ = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):[-=]");

	private final String text;

	private RunLocalScript(String text) {
		this.text = text;
	}

	static RunLocalScript load() {
		return new RunLocalScript(RepositoryFiles.read(FILE));
	}

	/** The variables the script reads, in the order it first reads them. */
	Set<String> variables() {
		Set<String> variables = new LinkedHashSet<>();
		for (String line : this.text.lines().toList()) {
			if (line.strip().startsWith("#")) {
				continue;
			}
			Matcher matcher = READ.matcher(line);
			while (matcher.find()) {
				variables.add(matcher.group(1));
			}
		}
		return variables;
	}

	/** What {@code ./run-local.sh --help} prints. */
	static String help() throws Exception {
		LocalProcesses.Result result = LocalProcesses.run(RepositoryFiles.root(), Duration.ofSeconds(10),
				List.of("bash", FILE, "--help"));
		if (result.exitCode() != 0) {
			throw new AssertionError(FILE + " --help exited with " + result.exitCode() + ":\n" + result.output());
		}
		return result.output();
	}

}
