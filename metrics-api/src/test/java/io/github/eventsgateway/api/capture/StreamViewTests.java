package io.github.eventsgateway.api.capture;

import java.util.List;

import io.github.eventsgateway.api.capture.CaptureView.StreamView;
import io.github.eventsgateway.store.StreamCapture;
import io.github.eventsgateway.store.StreamState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamViewTests {

	@Test
	void takesPagesAndTypesFromTheStreamThePollerReadsNow() {
		StreamView view = StreamView.of(new StreamCapture("p2-3", 30, 10, 0, 5),
				new StreamState("p2-3", List.of(2, 3), List.of("WatchEvent"), 40.0, 1.5, 1));

		assertThat(view.pages()).containsExactly(2, 3);
		assertThat(view.types()).containsExactly("WatchEvent");
		assertThat(view.share()).isEqualTo(0.75);
	}

	@Test
	void givesNoEstimateWhenMostReadsFoundOnlyNewEventsYetNothingWasEstimatedMissed() {
		StreamView pacedByThePollInterval = StreamView.of(new StreamCapture("p1", 600, 0, 6, 6), null);
		StreamView healthy = StreamView.of(new StreamCapture("p2-3", 5000, 0, 1, 120), null);

		assertThat(pacedByThePollInterval.estimatedMissed()).isNull();
		assertThat(pacedByThePollInterval.share()).isNull();
		assertThat(healthy.estimatedMissed()).isZero();
		assertThat(healthy.share()).isEqualTo(1.0);
	}

	@Test
	void namesThePagesOfAStreamThePollerNoLongerReadsByItsId() {
		StreamView classic = StreamView.of(new StreamCapture("p1-3", 453, 0, 0, 9), null);

		assertThat(classic.pages()).containsExactly(1, 2, 3);
		assertThat(classic.types()).isEmpty();
	}

}
