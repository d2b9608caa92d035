package io.github.eventsgateway.api.problem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserInputTests {

	@Test
	void quotesShortInputAsIs() {
		assertThat(UserInput.quote("abc")).isEqualTo("'abc'");
	}

	@Test
	void cutsLongInputShort() {
		assertThat(UserInput.quote("x".repeat(10_000))).hasSize(UserInput.MAX_QUOTED_LENGTH + 3).endsWith("…'");
	}

	@Test
	void replacesControlCharactersSoNoLineCanBeForged() {
		assertThat(UserInput.quote("a\r\nb\u0000")).isEqualTo("'a??b?'");
	}

	@Test
	void quotesMissingInputAsEmpty() {
		assertThat(UserInput.quote(null)).isEqualTo("''");
	}

}
