package io.github.eventsgateway.poller.capture;

import java.time.Instant;

/**
 * Whether this instance may poll, and the fencing token its writes carry.
 */
public interface Leadership {

	/**
	 * The fencing token of the lease this instance surely holds at a moment.
	 * @param now the moment
	 * @return the token, or {@code null} when this instance must not poll
	 */
	String fencingToken(Instant now);

	/** A write was refused: the lease has moved on; stop polling at once. */
	void lost();

}
