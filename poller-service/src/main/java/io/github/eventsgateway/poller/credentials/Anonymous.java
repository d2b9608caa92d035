package io.github.eventsgateway.poller.credentials;

import reactor.core.publisher.Mono;

/**
 * No credential at all: GitHub allows 60 requests an hour.
 */
public final class Anonymous implements Credential {

	/** The one anonymous credential. */
	public static final Anonymous INSTANCE = new Anonymous();

	private Anonymous() {
	}

	@Override
	public String label() {
		return "anonymous";
	}

	@Override
	public Kind kind() {
		return Kind.ANONYMOUS;
	}

	@Override
	public Mono<String> authorization() {
		return Mono.empty();
	}

	@Override
	public boolean refused() {
		return false;
	}

	@Override
	public String toString() {
		return label();
	}

}
