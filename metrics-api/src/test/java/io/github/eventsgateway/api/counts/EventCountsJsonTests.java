package io.github.eventsgateway.api.counts;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.eventsgateway.api.capture.CaptureView;
import io.github.eventsgateway.api.capture.CaptureView.StreamView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.boot.test.json.JacksonTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts answer as the application's JSON mapper writes it: members in this order,
 * times in ISO-8601 to the second, the types most frequent first.
 */
@JsonTest
class EventCountsJsonTests {

	@Autowired
	private JacksonTester<EventCounts> json;

	@Test
	void writesTheWindowThenTheTotalThenTheCountsInTheirOrderThenHowCompleteTheyAre() throws IOException {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("WatchEvent", 2L);
		counts.put("IssuesEvent", 1L);
		counts.put("SponsorshipEvent", 0L);
		EventCounts answer = new EventCounts(10, Instant.parse("2025-01-01T14:51:08Z"),
				Instant.parse("2025-01-01T15:01:08Z"), 3, counts,
				new CaptureView(List.of(new StreamView("p2-3", List.of(2, 3), List.of("WatchEvent"), 3, 0L, 1.0)), true,
						Instant.parse("2025-01-01T15:11:08Z")));

		assertThat(this.json.write(answer).getJson())
			.isEqualTo("{\"offsetMinutes\":10,\"from\":\"2025-01-01T14:51:08Z\",\"to\":\"2025-01-01T15:01:08Z\","
					+ "\"total\":3,\"counts\":{\"WatchEvent\":2,\"IssuesEvent\":1,\"SponsorshipEvent\":0},"
					+ "\"capture\":{\"streams\":[{\"stream\":\"p2-3\",\"pages\":[2,3],\"types\":[\"WatchEvent\"],"
					+ "\"captured\":3,\"estimatedMissed\":0,\"share\":1.0}],\"settling\":true,"
					+ "\"settledAt\":\"2025-01-01T15:11:08Z\"}}");
	}

}
