package io.github.eventsgateway.api.apikeys;

import java.util.List;

import io.github.eventsgateway.store.ApiKeyBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What {@code API_KEYS} accepts, and that no error, however the entry is garbled, shows a
 * key.
 */
class ApiKeysParsingTests {

	private static final String ALICE_KEY = "alice-0123456789abcdef";

	private static final String BOB_KEY = "bob_0123456789ABCDEF";

	@Test
	void requiresNoKeyWithoutEntries() {
		assertThat(ApiKeys.parse(List.of()).isEnabled()).isFalse();
		assertThat(ApiKeys.parse(List.of("", "  ")).isEnabled()).isFalse();
	}

	@Test
	void findsTheClientOfAKeyWithItsBudget() {
		ApiKeys keys = ApiKeys.parse(List.of("alice:" + ALICE_KEY + ":0.5/5", " bob:" + BOB_KEY + " "));
		assertThat(keys.isEnabled()).isTrue();
		assertThat(keys.find(ALICE_KEY))
			.isEqualTo(new ApiClient("alice", ApiKeys.sha256(ALICE_KEY), new ApiKeyBudget(0.5, 5)));
		assertThat(keys.find(BOB_KEY).budget()).as("the default budget").isEqualTo(new ApiKeyBudget(10, 20));
		assertThat(keys.find("someone-elses-key-0123")).isNull();
		assertThat(keys.find(ALICE_KEY.toUpperCase())).isNull();
		assertThat(keys.find("x".repeat(100_000))).isNull();
	}

	@Test
	void holdsAndShowsNoKey() {
		ApiKeys keys = ApiKeys.parse(List.of("alice:" + ALICE_KEY));
		assertThat(keys.toString()).doesNotContain(ALICE_KEY).isEqualTo("ApiKeys[1 keys]");
		assertThat(keys.find(ALICE_KEY).toString()).doesNotContain(ALICE_KEY);
		assertThat(new ApiKeysProperties(List.of("alice:" + ALICE_KEY)).toString()).doesNotContain(ALICE_KEY);
	}

	@ParameterizedTest
	@ValueSource(strings = { ALICE_KEY, ALICE_KEY + ":10/20", "alice " + ALICE_KEY, "alice:" + ALICE_KEY + ":10",
			"alice:" + ALICE_KEY + ":0/5", "alice:" + ALICE_KEY + ":10/0", "alice:" + ALICE_KEY + ":-1/5",
			"alice:" + ALICE_KEY + ":1e3/5", "alice:" + ALICE_KEY + ":NaN/5", "alice:" + ALICE_KEY + ":10/20:more",
			"alice:short", "alice:" + ALICE_KEY + "!", "al ice:" + ALICE_KEY, ":" + ALICE_KEY })
	void refusesMalformedEntriesWithoutShowingThem(String entry) {
		assertThatIllegalArgumentException().isThrownBy(() -> ApiKeys.parse(List.of("bob:" + BOB_KEY, entry)))
			.withMessageStartingWith("API_KEYS (gateway.api-keys.keys): entry 2 ")
			.withMessageNotContaining(ALICE_KEY)
			.withMessageNotContaining("alice")
			.withMessageNotContaining(BOB_KEY);
	}

	@Test
	void refusesTwoClientsWithOneNameOrOneKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ApiKeys.parse(List.of("alice:" + ALICE_KEY, "alice:" + BOB_KEY)))
			.withMessage("API_KEYS (gateway.api-keys.keys): entry 2 has the name of entry 1; give each client its own");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ApiKeys.parse(List.of("alice:" + ALICE_KEY, "bob:" + BOB_KEY, "carol:" + ALICE_KEY)))
			.withMessage("API_KEYS (gateway.api-keys.keys): entry 3 has the key of entry 1; give each client its own");
	}

}
