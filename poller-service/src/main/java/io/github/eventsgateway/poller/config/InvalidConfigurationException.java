package io.github.eventsgateway.poller.config;

/**
 * A configuration value that the poller cannot run with. Its message is the one line
 * shown at start-up, naming the environment variable to fix.
 */
public class InvalidConfigurationException extends IllegalArgumentException {

	public InvalidConfigurationException(String message) {
		super(message);
	}

}
