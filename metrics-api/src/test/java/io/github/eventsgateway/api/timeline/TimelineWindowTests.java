package io.github.eventsgateway.api.timeline;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineWindowTests {

	@Test
	void endsWithTheBucketThatHoldsNow() {
		TimelineWindow window = TimelineWindow.lastMinutes(60, 1, Instant.parse("2026-11-23T10:15:23.400Z"));

		assertThat(window.to()).isEqualTo("2026-11-23T10:16:00Z");
		assertThat(window.from()).isEqualTo("2026-11-23T09:16:00Z");
		assertThat(window.buckets()).isEqualTo(60);
		assertThat(window.bucketStarts()).hasSize(60)
			.startsWith(Instant.parse("2026-11-23T09:16:00Z"))
			.endsWith(Instant.parse("2026-11-23T10:15:00Z"));
	}

	@Test
	void endsAtNowWhenNowIsABucketBoundary() {
		TimelineWindow window = TimelineWindow.lastMinutes(10, 5, Instant.parse("2026-11-23T10:15:00Z"));

		assertThat(window.to()).isEqualTo("2026-11-23T10:15:00Z");
		assertThat(window.from()).isEqualTo("2026-11-23T10:05:00Z");
	}

	@Test
	void alignsBucketsOnMultiplesOfTheirLength() {
		TimelineWindow window = TimelineWindow.lastMinutes(60, 15, Instant.parse("2026-11-23T10:07:00Z"));

		assertThat(window.bucketStarts()).containsExactly(Instant.parse("2026-11-23T09:15:00Z"),
				Instant.parse("2026-11-23T09:30:00Z"), Instant.parse("2026-11-23T09:45:00Z"),
				Instant.parse("2026-11-23T10:00:00Z"));
		assertThat(window.to()).isEqualTo("2026-11-23T10:15:00Z");
	}

	@Test
	void roundsAnOffsetThatIsNotAMultipleOfTheBucketUpToOne() {
		TimelineWindow window = TimelineWindow.lastMinutes(10, 3, Instant.parse("2026-11-23T10:15:00Z"));

		assertThat(window.buckets()).isEqualTo(4);
		assertThat(window.offsetMinutes()).isEqualTo(10);
		assertThat(window.from()).isEqualTo(window.to().minusSeconds(12 * 60));
	}

}
