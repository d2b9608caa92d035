package io.github.eventsgateway.poller.credentials;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

/**
 * A personal access token.
 */
public final class PersonalToken implements Credential {

	private final String label;

	private final String value;

	private PersonalToken(String label, String value) {
		this.label = label;
		this.value = value;
	}

	/**
	 * Labels tokens by their position.
	 * @param values the secrets, in configuration order
	 * @return the tokens
	 */
	public static List<Credential> of(List<String> values) {
		List<Credential> tokens = new ArrayList<>(values.size());
		for (int i = 0; i < values.size(); i++) {
			tokens.add(new PersonalToken("token " + (i + 1) + " of " + values.size(), values.get(i)));
		}
		return List.copyOf(tokens);
	}

	@Override
	public String label() {
		return this.label;
	}

	@Override
	public Kind kind() {
		return Kind.PERSONAL;
	}

	@Override
	public Mono<String> authorization() {
		return Mono.just("Bearer " + this.value);
	}

	@Override
	public boolean refused() {
		return false;
	}

	@Override
	public String toString() {
		return this.label;
	}

}
