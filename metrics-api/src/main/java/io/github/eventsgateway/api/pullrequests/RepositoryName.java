package io.github.eventsgateway.api.pullrequests;

import io.github.eventsgateway.api.problem.InvalidParameterException;
import io.github.eventsgateway.api.problem.UserInput;
import io.github.eventsgateway.store.GitHubNames;

/**
 * A repository's {@code owner/name}, checked against the names the store can hold
 * ({@link GitHubNames}) before it is used as part of a Redis key. Matched regardless of
 * case, as GitHub does.
 *
 * @param owner the owner's login
 * @param repo the repository's name
 */
record RepositoryName(String owner, String repo) {

	static RepositoryName of(String owner, String repo) {
		if (!GitHubNames.isLogin(owner)) {
			throw new InvalidParameterException("owner",
					"owner must be a GitHub login: 1 to " + GitHubNames.MAX_LOGIN_LENGTH
							+ " letters, digits, '-' or '_'; got " + UserInput.quote(owner) + ".");
		}
		if (!GitHubNames.isRepositoryName(repo)) {
			throw new InvalidParameterException("repo",
					"repo must be a GitHub repository name: 1 to " + GitHubNames.MAX_REPOSITORY_NAME_LENGTH
							+ " letters, digits, '.', '-' or '_', not '.' or '..'; got " + UserInput.quote(repo) + ".");
		}
		return new RepositoryName(owner, repo);
	}

	/** The name as GitHub writes it, {@code owner/repo}, in the case requested. */
	String fullName() {
		return this.owner + "/" + this.repo;
	}

}
