package io.github.eventsgateway.poller.capture;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SweepLikelihoodTests {

	@Test
	void knowsNoRateBeforeASweepCountedExactly() {
		SweepLikelihood likelihood = new SweepLikelihood(8, 8);
		likelihood.add(100, 0.5, true, false);
		assertThat(likelihood.isMeasured()).isFalse();
		assertThat(likelihood.perSecond()).isNull();
	}

	@Test
	void isTheRatioOfSumsWhenEverySweepCountedExactly() {
		SweepLikelihood likelihood = new SweepLikelihood(8, 8);
		likelihood.add(60, 0.3, false, true);
		likelihood.add(70, 0.3, false, true);
		assertThat(likelihood.perSecond()).isCloseTo(130 / 0.6, within(1e-3));
		assertThat(likelihood.measurements()).isEqualTo(2);
	}

	@Test
	void tellsTheRateOfAStreamMostOfWhoseReadsSaturated() {
		// Page 1 at 200 events/s read every 0.59 s: nine reads in ten saturate, and the
		// ones that did not are those that happened to meet fewer events.
		Random random = new Random(7);
		SweepLikelihood likelihood = new SweepLikelihood(48, 512);
		long exactEvents = 0;
		double exactSeconds = 0;
		for (int i = 0; i < 256; i++) {
			double seconds = 0.55 + 0.08 * random.nextDouble();
			int came = poisson(random, 200 * seconds);
			if (came >= 100) {
				likelihood.add(100, seconds, true, false);
			}
			else {
				likelihood.add(came, seconds, false, false);
				exactEvents += came;
				exactSeconds += seconds;
			}
		}
		assertThat(exactEvents / exactSeconds).as("the exact reads alone").isLessThan(180);
		assertThat(likelihood.perSecond()).isCloseTo(200, within(200 * 0.03));
	}

	private static int poisson(Random random, double mean) {
		// Normal enough at these means, and exact enough for the test's tolerance.
		return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
	}

}
