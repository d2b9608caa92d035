package io.github.eventsgateway.api.pullrequests;

import java.util.regex.Pattern;

import io.github.eventsgateway.api.problem.InvalidParameterException;
import io.github.eventsgateway.api.problem.UserInput;

/**
 * A repository's {@code owner/name}, checked against GitHub's naming rules before it is
 * used as part of a Redis key.
 *
 * @param owner the owner's login
 * @param repo the repository's name
 */
record RepositoryName(String owner, String repo) {

	/** Letters, digits and single hyphens, neither first nor last; at most 39. */
	private static final Pattern OWNER = Pattern.compile("(?=.{1,39}$)[A-Za-z0-9]+(-[A-Za-z0-9]+)*");

	/** Letters, digits, '.', '-' and '_'; at most 100; not '.' or '..'. */
	private static final Pattern REPO = Pattern.compile("(?!\\.{1,2}$)[A-Za-z0-9._-]{1,100}");

	static RepositoryName of(String owner, String repo) {
		if (owner == null || !OWNER.matcher(owner).matches()) {
			throw new InvalidParameterException("owner",
					"owner must be a GitHub login: letters, digits and single hyphens, not starting or ending"
							+ " with a hyphen, at most 39 characters; got " + UserInput.quote(owner) + ".");
		}
		if (repo == null || !REPO.matcher(repo).matches()) {
			throw new InvalidParameterException("repo",
					"repo must be a GitHub repository name: letters, digits, '.', '-' and '_', at most 100"
							+ " characters; got " + UserInput.quote(repo) + ".");
		}
		return new RepositoryName(owner, repo);
	}

	/** The name as GitHub writes it, {@code owner/repo}, in the case requested. */
	String fullName() {
		return this.owner + "/" + this.repo;
	}

}
