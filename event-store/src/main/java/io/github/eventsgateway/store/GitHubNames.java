package io.github.eventsgateway.store;

import java.util.regex.Pattern;

/**
 * The names GitHub gives accounts and repositories, as the gateway accepts them: the one
 * rule both for what the poller stores and for what the API looks up, so that every name
 * the store can hold can be asked for.
 * <p>
 * Deliberately wider than GitHub's rule for new accounts (letters, digits and single
 * hyphens, not at either end): real event data holds legacy logins with consecutive,
 * leading or trailing hyphens ({@code zhou---jing}, {@code cato-}) and Enterprise managed
 * users carry an {@code _shortcode} suffix. The lengths are GitHub's limits. No name may
 * contain {@code /}, so {@code owner/name} splits one way only.
 */
public final class GitHubNames {

	/** The longest login GitHub allows. */
	public static final int MAX_LOGIN_LENGTH = 39;

	/** The longest repository name GitHub allows. */
	public static final int MAX_REPOSITORY_NAME_LENGTH = 100;

	private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LOGIN_LENGTH + "}");

	/** '.' and '..' are reserved by GitHub (and by every file system and URL). */
	private static final Pattern REPOSITORY_NAME = Pattern
		.compile("(?!\\.{1,2}$)[A-Za-z0-9._-]{1," + MAX_REPOSITORY_NAME_LENGTH + "}");

	private GitHubNames() {
	}

	/**
	 * Tells whether a login (of a user or an organization) is one the gateway accepts.
	 * @param login the login, possibly {@code null}
	 * @return {@code true} for 1 to {@value #MAX_LOGIN_LENGTH} ASCII letters, digits,
	 * {@code -} or {@code _}, in any order
	 */
	public static boolean isLogin(String login) {
		return login != null && LOGIN.matcher(login).matches();
	}

	/**
	 * Tells whether a repository name (without its owner) is one the gateway accepts.
	 * @param name the name, possibly {@code null}
	 * @return {@code true} for 1 to {@value #MAX_REPOSITORY_NAME_LENGTH} ASCII letters,
	 * digits, {@code .}, {@code -} or {@code _}, other than {@code .} and {@code ..}
	 */
	public static boolean isRepositoryName(String name) {
		return name != null && REPOSITORY_NAME.matcher(name).matches();
	}

	/**
	 * Tells whether a full name, as an event's {@code repo.name} holds it, is one the
	 * gateway accepts.
	 * @param fullName {@code owner/name}, possibly {@code null}
	 * @return {@code true} when it is a login and a repository name joined by one
	 * {@code /}
	 */
	public static boolean isFullName(String fullName) {
		if (fullName == null) {
			return false;
		}
		int slash = fullName.indexOf('/');
		return slash > 0 && isLogin(fullName.substring(0, slash)) && isRepositoryName(fullName.substring(slash + 1));
	}

}
