package io.github.eventsgateway.store.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Turns a wrong configuration value into one clear line that names the environment
 * variable to fix, instead of a stack trace of bean creation or a binder report about
 * {@code gateway.*} properties the operator never wrote. Each module lists the variables
 * behind its properties in {@value #VARIABLES}.
 */
class InvalidConfigurationFailureAnalyzer implements FailureAnalyzer, Ordered {

	/** Property name to environment variable, one file per module. */
	static final String VARIABLES = "META-INF/gateway-variables.properties";

	private final Map<String, String> variables = loadVariables();

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		InvalidConfigurationException invalid = find(failure, InvalidConfigurationException.class);
		if (invalid != null) {
			return analysis(invalid.getMessage(), failure);
		}
		BindException bind = find(failure, BindException.class);
		if (bind != null && bind.getName().toString().startsWith("gateway.")) {
			String property = bind.getName().toString();
			String name = this.variables.getOrDefault(property, property);
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

	private static Map<String, String> loadVariables() {
		Map<String, String> variables = new TreeMap<>();
		try {
			ClassLoader classLoader = InvalidConfigurationFailureAnalyzer.class.getClassLoader();
			for (URL url : Collections.list(classLoader.getResources(VARIABLES))) {
				try (InputStream in = url.openStream()) {
					Properties properties = new Properties();
					properties.load(in);
					properties.forEach((property, variable) -> variables.put((String) property, (String) variable));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return variables;
	}

}
