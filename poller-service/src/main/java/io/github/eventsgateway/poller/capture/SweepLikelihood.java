package io.github.eventsgateway.poller.capture;

/**
 * The rate that best explains a stream's recent sweeps: the maximum-likelihood rate of a
 * Poisson stream, which the feed is to a good approximation (the sum of very many
 * independent sources).
 * <p>
 * A sweep that ended on known ground counted exactly the events that came since the sweep
 * before it. A sweep that saturated shows only that at least as many came as it read.
 * Counting the saturated ones for what they show, rather than leaving them out, keeps the
 * estimate from favouring the sweeps that happened to meet fewer events; and when the
 * budget reads a stream about as often as it turns over, every read tells something of
 * its rate, not only the calibrations. That matters most where most of the stream is
 * captured: there the number missed is a small difference of large numbers, and an error
 * of the rate weighs several times over in it.
 * <p>
 * Which sweeps it keeps must not depend on what they found, or it would favour one kind:
 * it keeps the last calibrations and the last other sweeps, each kind decided before the
 * sweep was made. Not thread safe: the stream's schedule is its only user.
 */
final class SweepLikelihood {

	private static final int GOLDEN_STEPS = 48;

	private final Sweeps calibrations;

	private final Sweeps others;

	private Double cached;

	/**
	 * A likelihood over the last sweeps.
	 * @param calibrations how many calibrations' second sweeps it keeps
	 * @param others how many other sweeps it keeps
	 */
	SweepLikelihood(int calibrations, int others) {
		this.calibrations = new Sweeps(calibrations);
		this.others = new Sweeps(others);
	}

	/**
	 * Adds a sweep.
	 * @param newEvents the new events it read
	 * @param seconds the time since the sweep before it
	 * @param saturated whether it found nothing stored: at least that many came
	 * @param calibration whether it was planned as a calibration's second read
	 */
	void add(int newEvents, double seconds, boolean saturated, boolean calibration) {
		(calibration ? this.calibrations : this.others).add(newEvents, seconds, saturated);
		this.cached = null;
	}

	/** Whether any sweep counted exactly: without one, the rate has no upper bound. */
	boolean isMeasured() {
		return measurements() > 0;
	}

	/** How many sweeps that ended on known ground it holds. */
	int measurements() {
		return this.calibrations.exactSweeps() + this.others.exactSweeps();
	}

	/**
	 * The rate.
	 * @return new events a second, or {@code null} before any sweep counted exactly
	 */
	Double perSecond() {
		if (!isMeasured()) {
			return null;
		}
		if (this.cached == null) {
			this.cached = likeliest();
		}
		return this.cached;
	}

	private double likeliest() {
		double exactSeconds = this.calibrations.exactSeconds() + this.others.exactSeconds();
		long exactEvents = this.calibrations.exactEvents() + this.others.exactEvents();
		if (exactEvents == 0 && this.calibrations.boundEvents() + this.others.boundEvents() == 0) {
			return 0;
		}
		// The saturated sweeps only raise the rate above the exact sweeps' own.
		double low = Math.max(1e-6, exactEvents / Math.max(1e-9, exactSeconds) / 2);
		double high = Math.max(8 * low, 2 * Math.max(this.calibrations.maxBoundRate(), this.others.maxBoundRate()));
		double ratio = (Math.sqrt(5) - 1) / 2;
		double a = high - ratio * (high - low);
		double b = low + ratio * (high - low);
		double fa = logLikelihood(a, exactEvents, exactSeconds);
		double fb = logLikelihood(b, exactEvents, exactSeconds);
		for (int i = 0; i < GOLDEN_STEPS; i++) {
			if (fa < fb) {
				low = a;
				a = b;
				fa = fb;
				b = low + ratio * (high - low);
				fb = logLikelihood(b, exactEvents, exactSeconds);
			}
			else {
				high = b;
				b = a;
				fb = fa;
				a = high - ratio * (high - low);
				fa = logLikelihood(a, exactEvents, exactSeconds);
			}
		}
		return (low + high) / 2;
	}

	/** The log-likelihood of a rate, up to a constant. */
	private double logLikelihood(double rate, long exactEvents, double exactSeconds) {
		return exactEvents * Math.log(rate) - rate * exactSeconds + this.calibrations.logBounds(rate)
				+ this.others.logBounds(rate);
	}

	/** The last sweeps of one kind, in a ring. */
	private static final class Sweeps {

		private final int[] events;

		private final double[] seconds;

		private final boolean[] saturated;

		private int count;

		private int next;

		Sweeps(int capacity) {
			this.events = new int[capacity];
			this.seconds = new double[capacity];
			this.saturated = new boolean[capacity];
		}

		void add(int newEvents, double elapsed, boolean saturated) {
			this.events[this.next] = newEvents;
			this.seconds[this.next] = elapsed;
			this.saturated[this.next] = saturated;
			this.next = (this.next + 1) % this.events.length;
			this.count = Math.min(this.events.length, this.count + 1);
		}

		int exactSweeps() {
			int exact = 0;
			for (int i = 0; i < this.count; i++) {
				exact += this.saturated[i] ? 0 : 1;
			}
			return exact;
		}

		long exactEvents() {
			long total = 0;
			for (int i = 0; i < this.count; i++) {
				total += this.saturated[i] ? 0 : this.events[i];
			}
			return total;
		}

		double exactSeconds() {
			double total = 0;
			for (int i = 0; i < this.count; i++) {
				total += this.saturated[i] ? 0 : this.seconds[i];
			}
			return total;
		}

		long boundEvents() {
			long total = 0;
			for (int i = 0; i < this.count; i++) {
				total += this.saturated[i] ? this.events[i] : 0;
			}
			return total;
		}

		double maxBoundRate() {
			double max = 0;
			for (int i = 0; i < this.count; i++) {
				if (this.saturated[i] && this.seconds[i] > 0) {
					max = Math.max(max, this.events[i] / this.seconds[i]);
				}
			}
			return max;
		}

		double logBounds(double rate) {
			double sum = 0;
			for (int i = 0; i < this.count; i++) {
				if (this.saturated[i]) {
					sum += PoissonTail.logAtLeast(this.events[i], rate * this.seconds[i]);
				}
			}
			return sum;
		}

	}

}
