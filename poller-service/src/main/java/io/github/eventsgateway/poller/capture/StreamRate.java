package io.github.eventsgateway.poller.capture;

/**
 * A stream's rate: the new events of its last few measured sweeps over their time, summed
 * before dividing. A ratio of sums, not an average of ratios, because the moment a page
 * was read is only known to within the request's latency: over a short gap that error
 * makes single ratios swing widely, while it cancels out of the sums.
 */
final class StreamRate {

	private final long[] events;

	private final double[] seconds;

	private int count;

	private int next;

	/**
	 * A rate over the last measurements.
	 * @param samples how many measurements it sums
	 */
	StreamRate(int samples) {
		this.events = new long[samples];
		this.seconds = new double[samples];
	}

	/**
	 * Adds what one sweep measured, forgetting the oldest beyond the number summed.
	 * @param newEvents the new events it read
	 * @param elapsed the seconds since the sweep before it
	 */
	void add(long newEvents, double elapsed) {
		this.events[this.next] = newEvents;
		this.seconds[this.next] = elapsed;
		this.next = (this.next + 1) % this.events.length;
		this.count = Math.min(this.events.length, this.count + 1);
	}

	boolean isMeasured() {
		return this.count > 0;
	}

	/** How many measurements it sums now. */
	int measurements() {
		return this.count;
	}

	/**
	 * The rate.
	 * @return new events a second, or {@code null} before any measurement
	 */
	Double perSecond() {
		long totalEvents = 0;
		double totalSeconds = 0;
		for (int i = 0; i < this.count; i++) {
			totalEvents += this.events[i];
			totalSeconds += this.seconds[i];
		}
		return (totalSeconds > 0) ? totalEvents / totalSeconds : null;
	}

}
