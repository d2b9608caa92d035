package io.github.eventsgateway.poller.github;

/**
 * GitHub refused to create an installation token, or could not be reached. The message is
 * safe to log: it never holds the JWT or a token.
 */
public class GitHubAppException extends RuntimeException {

	public GitHubAppException(String message) {
		super(message);
	}

}
