package io.github.eventsgateway.poller.credentials;

import java.util.Locale;

import reactor.core.publisher.Mono;

/**
 * Something the poller authenticates to GitHub with: a personal token, a GitHub App
 * installation, or nothing (anonymous). Its {@link #label()} and {@link #toString()} are
 * safe to log; the secret only ever leaves through {@link #authorization()}, into a
 * request to GitHub's API origin.
 */
public interface Credential {

	/**
	 * How logs and the status name it, such as {@code token 2 of 3}.
	 * @return the label
	 */
	String label();

	/**
	 * What it is.
	 * @return the kind
	 */
	Kind kind();

	/**
	 * The {@code Authorization} header's value for the next request.
	 * @return the value, or empty for an anonymous request; an error when it cannot be
	 * had (an App whose token request GitHub refused)
	 */
	Mono<String> authorization();

	/**
	 * Tells the credential that GitHub refused it (401).
	 * @return whether it may be tried again (an App fetches a new token), or not (a
	 * personal token is revoked or wrong)
	 */
	boolean refused();

	/** The kinds of credentials. */
	enum Kind {

		/** A personal access token: 5,000 requests an hour. */
		PERSONAL,

		/** A GitHub App installation: 5,000 to 15,000 requests an hour. */
		APP,

		/** No credential: 60 requests an hour. */
		ANONYMOUS;

		/** The name the status shows. */
		public String displayName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
