package io.github.eventsgateway.api.timeline;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.eventsgateway.api.capture.CaptureView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.boot.test.json.JacksonTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline answer as the application's JSON mapper writes it: the window, each
 * bucket's start, one array of counts per type (the busiest first) and the total; whether
 * the window is empty is no member.
 */
@JsonTest
class TimelineViewJsonTests {

	@Autowired
	private JacksonTester<TimelineView> json;

	@Test
	void writesTheBucketsAndOneArrayOfCountsPerType() throws IOException {
		Map<String, long[]> series = new LinkedHashMap<>();
		series.put("PushEvent", new long[] { 2, 1 });
		series.put("WatchEvent", new long[] { 0, 1 });
		TimelineView timeline = new TimelineView(2, 1, Instant.parse("2026-11-23T10:13:00Z"),
				Instant.parse("2026-11-23T10:15:00Z"),
				List.of(Instant.parse("2026-11-23T10:13:00Z"), Instant.parse("2026-11-23T10:14:00Z")), series, 4,
				new CaptureView(List.of(), false, null));

		assertThat(this.json.write(timeline).getJson()).isEqualTo("{\"offsetMinutes\":2,\"bucketMinutes\":1,"
				+ "\"from\":\"2026-11-23T10:13:00Z\",\"to\":\"2026-11-23T10:15:00Z\","
				+ "\"buckets\":[\"2026-11-23T10:13:00Z\",\"2026-11-23T10:14:00Z\"],"
				+ "\"series\":{\"PushEvent\":[2,1],\"WatchEvent\":[0,1]},\"total\":4,"
				+ "\"capture\":{\"streams\":[],\"settling\":false,\"settledAt\":null}}");
	}

	@Test
	void writesAnEmptyWindowWithEmptySeries() throws IOException {
		TimelineView timeline = new TimelineView(1, 1, Instant.parse("2026-11-23T10:14:00Z"),
				Instant.parse("2026-11-23T10:15:00Z"), List.of(Instant.parse("2026-11-23T10:14:00Z")), Map.of(), 0,
				new CaptureView(List.of(), false, null));

		assertThat(this.json.write(timeline)).extractingJsonPathMapValue("$.series").isEmpty();
		assertThat(this.json.write(timeline)).doesNotHaveJsonPath("$.empty")
			.doesNotHaveJsonPath("$.noEvents")
			.doesNotHaveJsonPath("$.hasNoEvents");
	}

}
