package io.github.eventsgateway.api.parameters;

import io.github.eventsgateway.api.problem.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WholeNumberParameterTests {

	@Test
	void readsDigitsWithNothingButWhitespaceAround() {
		assertThat(WholeNumberParameter.parse("0")).isZero();
		assertThat(WholeNumberParameter.parse("007")).isEqualTo(7);
		assertThat(WholeNumberParameter.parse("999999999")).isEqualTo(999_999_999L);
		assertThat(WholeNumberParameter.parse(" 5 ")).isEqualTo(5);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "1.5", "5 5", "1e3", "abc", "", "+5", "1000000000", "99999999999999999999" })
	void givesMinusOneForAnythingElse(String value) {
		assertThat(WholeNumberParameter.parse(value)).isEqualTo(-1);
	}

	@Test
	void givesMinusOneForAMissingValue() {
		assertThat(WholeNumberParameter.parse(null)).isEqualTo(-1);
	}

	@Test
	void acceptsOffsetsFromOneMinuteToTheRetention() {
		assertThat(WholeNumberParameter.offsetMinutes("1", 10080, 10)).isEqualTo(1);
		assertThat(WholeNumberParameter.offsetMinutes("10080", 10080, 10)).isEqualTo(10080);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "10081", "-1", "1.5", " ", "1e3", "" })
	void refusesOtherOffsetsSayingWhatWouldDo(String offset) {
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> WholeNumberParameter.offsetMinutes(offset, 10080, 60))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("offset"))
			.withMessageContaining("from 1 to 10080 (the retention), such as offset=60; got '" + offset + "'");
	}

}
