package io.github.eventsgateway.poller.capture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PoissonTailTests {

	@Test
	void atLeastNothingIsCertain() {
		assertThat(PoissonTail.logAtLeast(0, 5)).isZero();
	}

	@Test
	void matchesTheTermsSummedOneByOne() {
		for (double mean : new double[] { 2, 60, 100, 118, 240 }) {
			for (int k : new int[] { 1, 3, 50, 100, 150 }) {
				assertThat(PoissonTail.logAtLeast(k, mean)).as("P(N >= %d | %s)", k, mean)
					.isCloseTo(Math.log(summed(k, mean)), within(1e-9));
			}
		}
	}

	@Test
	void keepsTheFarTailFinite() {
		double logProbability = PoissonTail.logAtLeast(300, 20);
		assertThat(logProbability).isFinite().isLessThan(-400);
		assertThat(PoissonTail.logAtLeast(100, 400)).isCloseTo(0, within(1e-12));
	}

	/** The terms from k on, each computed from the one before, starting at 0. */
	private static double summed(int k, double mean) {
		double term = Math.exp(-mean);
		double tail = 0;
		for (int j = 0; j < k + 2000; j++) {
			if (j >= k) {
				tail += term;
			}
			term *= mean / (j + 1);
		}
		return tail;
	}

}
