package io.github.eventsgateway.api.counts;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.github.eventsgateway.api.eventtypes.EventTypeResolver;
import io.github.eventsgateway.api.eventtypes.TypesParameter;
import io.github.eventsgateway.api.parameters.WholeNumberParameter;
import io.github.eventsgateway.api.problem.InvalidParameterException;

/**
 * The checked parameters of a counts request.
 *
 * @param offsetMinutes the window's length in minutes, 1 to the retention
 * @param types the event types asked for, in the order given, or empty for all; as
 * requested until {@link EventTypeResolver} gives their canonical names
 */
record CountsQuery(long offsetMinutes, List<String> types) {

	/**
	 * Checks the raw parameters.
	 * @param offset the {@code offset} parameter, or {@code null} for the default
	 * @param types the {@code types} parameter, or {@code null}
	 * @param maxOffsetMinutes the retention in minutes
	 * @return the query
	 * @throws InvalidParameterException when a parameter is out of range or malformed
	 */
	static CountsQuery of(String offset, String types, long maxOffsetMinutes) {
		return new CountsQuery(WholeNumberParameter.offsetMinutes(offset, maxOffsetMinutes, 10),
				TypesParameter.parse(types));
	}

	/**
	 * The same window for other type names, such as the canonical ones.
	 * @param resolved the names
	 * @return the query
	 */
	CountsQuery withTypes(List<String> resolved) {
		return new CountsQuery(this.offsetMinutes, List.copyOf(resolved));
	}

	/** The window's end: now, to the second. */
	static Instant windowEnd(Instant now) {
		return now.truncatedTo(ChronoUnit.SECONDS);
	}

	/** The window's start, {@code offsetMinutes} before its end. */
	Instant windowStart(Instant end) {
		return end.minus(Duration.ofMinutes(this.offsetMinutes));
	}

}
