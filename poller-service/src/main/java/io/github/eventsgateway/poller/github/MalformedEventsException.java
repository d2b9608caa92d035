package io.github.eventsgateway.poller.github;

/**
 * Thrown when a body or file that should hold GitHub events is not valid JSON.
 */
public class MalformedEventsException extends RuntimeException {

	public MalformedEventsException(String message) {
		super(message);
	}

	public MalformedEventsException(String message, Throwable cause) {
		super(message, cause);
	}

}
