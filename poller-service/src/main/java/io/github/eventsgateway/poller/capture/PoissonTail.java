package io.github.eventsgateway.poller.capture;

/**
 * The upper tail of a Poisson distribution, in logarithms so that the far tail does not
 * vanish: summed term by term from the side where the terms are small, which is exact and
 * cheap for the few hundred events a sweep reads.
 */
final class PoissonTail {

	private static final int TABLE = 1024;

	private static final double[] LOG_FACTORIAL = new double[TABLE];

	static {
		for (int n = 1; n < TABLE; n++) {
			LOG_FACTORIAL[n] = LOG_FACTORIAL[n - 1] + Math.log(n);
		}
	}

	private PoissonTail() {
	}

	/**
	 * The logarithm of the probability that at least {@code k} events come when
	 * {@code mean} are expected.
	 * @param k the number of events
	 * @param mean the mean, events
	 * @return {@code log P(N >= k)}, 0 or less
	 */
	static double logAtLeast(int k, double mean) {
		if (k <= 0) {
			return 0;
		}
		if (mean <= 0) {
			return Double.NEGATIVE_INFINITY;
		}
		if (mean < k) {
			// The terms from k upwards fall off: sum them relative to the first.
			double sum = 0;
			double term = 1;
			for (int j = k; term > 1e-17 * sum || sum == 0; j++) {
				sum += term;
				term *= mean / (j + 1);
			}
			return logProbability(k, mean) + Math.log(sum);
		}
		// Most of the mass is at k or above: one less what lies below, whose terms fall
		// off from k - 1 downwards.
		double below = 0;
		double term = Math.exp(logProbability(k - 1, mean));
		for (int j = k - 1; j >= 0 && term > 1e-17 * below; j--) {
			below += term;
			term *= j / mean;
		}
		return Math.log1p(-Math.min(below, 1 - 1e-16));
	}

	/** {@code log P(N = k)}. */
	private static double logProbability(int k, double mean) {
		return k * Math.log(mean) - mean - logFactorial(k);
	}

	private static double logFactorial(int n) {
		if (n < TABLE) {
			return LOG_FACTORIAL[n];
		}
		// Stirling's series, far more exact than needed at these sizes.
		return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1.0 / (12.0 * n);
	}

}
