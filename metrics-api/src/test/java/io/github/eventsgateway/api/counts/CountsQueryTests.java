package io.github.eventsgateway.api.counts;

import java.time.Instant;
import java.util.List;

import io.github.eventsgateway.api.eventtypes.TypesParameter;
import io.github.eventsgateway.api.problem.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CountsQueryTests {

	@Test
	void acceptsOffsetsFromOneMinuteToTheRetention() {
		assertThat(CountsQuery.of("1", null, 10080).offsetMinutes()).isEqualTo(1);
		assertThat(CountsQuery.of("10080", null, 10080).offsetMinutes()).isEqualTo(10080);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "10081", "-1", "1.5", "5 5", " ", "1e3", "abc", "", "99999999999999999999" })
	void rejectsOffsetsThatAreNotWholeMinutesWithinTheRetention(String offset) {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> CountsQuery.of(offset, null, 10080))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("offset"))
			.withMessageContaining("from 1 to 10080");
	}

	@Test
	void keepsTypesInTheOrderGivenOnceEach() {
		assertThat(CountsQuery.of("10", "WatchEvent, IssuesEvent,WatchEvent,", 10080).types())
			.containsExactly("WatchEvent", "IssuesEvent");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ",", "Watch Event", "1Event", "Event*", "a'b" })
	void rejectsTypeListsThatNameNoValidType(String types) {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> CountsQuery.of("10", types, 10080))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("types"));
	}

	@Test
	void rejectsMoreThanFiftyTypes() {
		StringBuilder types = new StringBuilder();
		for (int i = 0; i <= TypesParameter.MAX_TYPES; i++) {
			types.append("Type").append(i).append(',');
		}
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> CountsQuery.of("10", types.toString(), 10080))
			.withMessageContaining("at most 50");
	}

	@Test
	void windowEndsNowToTheSecondAndStartsOffsetMinutesBefore() {
		Instant end = CountsQuery.windowEnd(Instant.parse("2026-11-23T10:15:00.987Z"));
		assertThat(end).isEqualTo(Instant.parse("2026-11-23T10:15:00Z"));
		assertThat(new CountsQuery(10, List.of()).windowStart(end)).isEqualTo(Instant.parse("2026-11-23T10:05:00Z"));
	}

}
