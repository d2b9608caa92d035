package io.github.eventsgateway.api.timeline;

import java.time.Instant;

import io.github.eventsgateway.api.parameters.WholeNumberParameter;
import io.github.eventsgateway.api.problem.InvalidParameterException;
import io.github.eventsgateway.api.problem.UserInput;

/**
 * Reads the query parameters of the timeline endpoints, refusing what they cannot be with
 * a 400 problem that says what would be accepted.
 */
final class TimelineParameters {

	private TimelineParameters() {
	}

	/**
	 * Reads {@code offset} and {@code bucket} into the window that ends now.
	 * @param offset the {@code offset} parameter
	 * @param bucket the {@code bucket} parameter
	 * @param maxOffsetMinutes the retention in minutes
	 * @param now the moment
	 * @return the window
	 * @throws InvalidParameterException when a parameter is malformed or out of range
	 */
	static TimelineWindow window(String offset, String bucket, long maxOffsetMinutes, Instant now) {
		long offsetMinutes = WholeNumberParameter.offsetMinutes(offset, maxOffsetMinutes, 60);
		long bucketMinutes = WholeNumberParameter.parse(bucket);
		if (bucketMinutes < 1 || bucketMinutes > offsetMinutes) {
			throw new InvalidParameterException("bucket", "bucket must be a whole number of minutes from 1 to offset ("
					+ offsetMinutes + "), such as bucket=1; got " + UserInput.quote(bucket) + ".");
		}
		long buckets = TimelineWindow.ceilDiv(offsetMinutes, bucketMinutes);
		if (buckets > TimelineWindow.MAX_BUCKETS) {
			throw new InvalidParameterException("bucket",
					"offset=" + offsetMinutes + " in buckets of " + bucketMinutes + " minutes makes " + buckets
							+ " buckets, and at most " + TimelineWindow.MAX_BUCKETS + " are allowed; use bucket="
							+ TimelineWindow.ceilDiv(offsetMinutes, TimelineWindow.MAX_BUCKETS) + " or more.");
		}
		return TimelineWindow.lastMinutes((int) offsetMinutes, (int) bucketMinutes, now);
	}

	/**
	 * Reads a chart size in pixels.
	 * @param name the parameter's name
	 * @param value its value
	 * @param min the smallest size allowed
	 * @param max the largest size allowed
	 * @return the size
	 * @throws InvalidParameterException when it is malformed or out of range
	 */
	static int pixels(String name, String value, int min, int max) {
		long pixels = WholeNumberParameter.parse(value);
		if (pixels < min || pixels > max) {
			throw new InvalidParameterException(name, name + " must be a whole number of pixels from " + min + " to "
					+ max + "; got " + UserInput.quote(value) + ".");
		}
		return (int) pixels;
	}

}
