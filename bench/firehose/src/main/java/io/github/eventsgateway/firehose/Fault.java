package io.github.eventsgateway.firehose;

/**
 * The ways the stand-in can misbehave, as GitHub sometimes does.
 */
public enum Fault {

	/** A 500, 502 or 503 with GitHub's error body. */
	SERVER_ERROR,

	/**
	 * A 200 whose JSON body stops half-way (a consistent Content-Length, so only the JSON
	 * breaks).
	 */
	TRUNCATED_JSON,

	/** A full page held back for {@link FirehoseSettings#slowResponseDelay()}. */
	SLOW_RESPONSE,

	/** The connection closed with a TCP reset before any answer. */
	CONNECTION_RESET,

	/** A 403 secondary rate limit with {@code retry-after}. */
	SECONDARY_RATE_LIMIT

}
