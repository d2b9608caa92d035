package io.github.eventsgateway.store;

/**
 * How many requests an API key may make: {@code burst} at once, refilled at
 * {@code ratePerSecond} (a token bucket).
 *
 * @param ratePerSecond requests a second in the long run, more than 0 (0.5 is one every
 * two seconds)
 * @param burst requests at once, at least 1
 */
public record ApiKeyBudget(double ratePerSecond, int burst) {

	public ApiKeyBudget {
		if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
			throw new IllegalArgumentException(
					"A request budget's rate must be a positive number of requests a second");
		}
		if (burst < 1) {
			throw new IllegalArgumentException("A request budget's burst must be at least 1 request");
		}
	}

	@Override
	public String toString() {
		return stripped(this.ratePerSecond) + "/" + this.burst;
	}

	private static String stripped(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

}
