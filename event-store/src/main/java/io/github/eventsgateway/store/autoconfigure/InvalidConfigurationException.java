package io.github.eventsgateway.store.autoconfigure;

/**
 * A configuration value that a service cannot run with. Its message is the one line shown
 * at start-up, naming the environment variable to fix
 * ({@link InvalidConfigurationFailureAnalyzer}).
 */
public class InvalidConfigurationException extends IllegalArgumentException {

	public InvalidConfigurationException(String message) {
		super(message);
	}

}
