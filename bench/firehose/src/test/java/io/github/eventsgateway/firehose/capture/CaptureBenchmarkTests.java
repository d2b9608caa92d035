package io.github.eventsgateway.firehose.capture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which points a run of the capture benchmark measures.
 */
class CaptureBenchmarkTests {

	@Test
	void runsSomePointsOfTheFullRunChosenByTheirNumbers() {
		assertThat(CaptureBenchmark.points("3,7")).containsExactly(CapturePoint.split(1, 200, 100),
				CapturePoint.split(2, 200, 100));
		assertThat(CaptureBenchmark.points("full")).hasSize(13);
		assertThat(CaptureBenchmark.points("quick")).hasSize(2);
	}

	@Test
	void refusesANumberOutsideTheFullRun() {
		assertThatIllegalArgumentException().isThrownBy(() -> CaptureBenchmark.points("0"))
			.withMessageContaining("numbers from 1 to 13");
		assertThatIllegalArgumentException().isThrownBy(() -> CaptureBenchmark.points("three"))
			.withMessageContaining("was 'three'");
	}

}
