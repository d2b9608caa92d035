package io.github.eventsgateway.poller.config;

import java.util.Map;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Turns a wrong configuration value into one clear line that names the environment
 * variable to fix, instead of a stack trace of bean creation or a binder report about
 * {@code gateway.poller.*} properties the operator never wrote.
 */
class InvalidConfigurationFailureAnalyzer implements FailureAnalyzer, Ordered {

	private static final String PREFIX = "gateway.poller.";

	private static final Map<String, String> VARIABLES = Map.of("github-api-url", "GITHUB_API_URL", "tokens",
			"GITHUB_TOKENS", "instance-id", "POLLER_INSTANCE_ID", "pages", "POLLER_PAGES", "retention", "RETENTION",
			"source", "POLLER_SOURCE", "file-mode", "POLLER_FILE_MODE", "exit-after-import", "POLLER_EXIT_AFTER_IMPORT",
			"user-agent", "POLLER_USER_AGENT");

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		InvalidConfigurationException invalid = find(failure, InvalidConfigurationException.class);
		if (invalid != null) {
			return analysis(invalid.getMessage(), failure);
		}
		BindException bind = find(failure, BindException.class);
		if (bind != null && bind.getName().toString().startsWith(PREFIX)) {
			String property = bind.getName().toString().substring(PREFIX.length());
			String name = VARIABLES.getOrDefault(property, bind.getName().toString());
			return analysis(name + " cannot be read: " + rootMessage(bind), failure);
		}
		return null;
	}

	@Override
	public int getOrder() {
		// Before Spring Boot's own binding analyzer, which would name the property only.
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private static FailureAnalysis analysis(String problem, Throwable failure) {
		return new FailureAnalysis("Invalid configuration: " + problem, "Fix that setting and start again.", failure);
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage();
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		return null;
	}

}
