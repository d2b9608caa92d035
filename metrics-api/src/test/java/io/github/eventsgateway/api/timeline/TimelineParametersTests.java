package io.github.eventsgateway.api.timeline;

import java.time.Instant;

import io.github.eventsgateway.api.problem.InvalidParameterException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TimelineParametersTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:15:23Z");

	private static final long RETENTION_MINUTES = 10080;

	@ParameterizedTest
	@CsvSource({ "60, 1, 60", "60, 7, 9", "10080, 7, 1440", "1, 1, 1", "' 30 ', 30, 1" })
	void acceptsWholeMinutesWithinTheRetention(String offset, String bucket, int buckets) {
		assertThat(TimelineParameters.window(offset, bucket, RETENTION_MINUTES, NOW).buckets()).isEqualTo(buckets);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "0|1|offset|from 1 to 10080 (the retention)", "10081|1|offset|from 1 to 10080",
					"abc|1|offset|got 'abc'", "1.5|1|offset|got '1.5'", "-5|1|offset|got '-5'",
					"99999999999999999999|1|offset|got '99999999999999999999'", "60|0|bucket|from 1 to offset (60)",
					"60|61|bucket|from 1 to offset (60)", "60|x|bucket|got 'x'", "10080|1|bucket|use bucket=7 or more",
					"2000|1|bucket|2000 buckets, and at most 1440" })
	void refusesWhatItCannotDrawWithADetailSayingWhatIsAccepted(String offset, String bucket, String parameter,
			String detail) {
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> TimelineParameters.window(offset, bucket, RETENTION_MINUTES, NOW))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo(parameter))
			.withMessageContaining(detail);
	}

	@ParameterizedTest
	@CsvSource({ "199", "4001", "wide", "''" })
	void refusesChartSizesOutOfRange(String width) {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> ChartSize.of(width, "400"))
			.withMessageContaining("width must be a whole number of pixels from 200 to 4000");
	}

}
