package io.github.eventsgateway.poller.github;

import reactor.core.publisher.Mono;

/**
 * The part of GitHub's REST API the poller uses. Results are typed; neither method ends
 * with an error for anything GitHub or the network does.
 */
public interface GitHubOperations {

	/**
	 * Requests one page of the public events, {@code GET /events?per_page=100&page=N}.
	 * @param page the page number, from 1
	 * @param authorization the {@code Authorization} header's value, or {@code null} for
	 * an anonymous request
	 * @param etag the page's last {@code ETag}, sent as {@code If-None-Match}, or
	 * {@code null}
	 * @return the answer, decoded and classified
	 */
	Mono<PageAnswer> events(int page, String authorization, String etag);

	/**
	 * Creates an installation access token of a GitHub App, {@code POST
	 * /app/installations/{id}/access_tokens}.
	 * @param installationId the installation
	 * @param jwt the App's JSON web token
	 * @return the token, or an error of type {@link GitHubAppException} naming what
	 * GitHub answered (never the JWT)
	 */
	Mono<InstallationToken> createInstallationToken(String installationId, String jwt);

}
