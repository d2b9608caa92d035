package io.github.eventsgateway.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import io.github.eventsgateway.store.testing.GitHubJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class GitHubNamesTests {

	/**
	 * Every repository name of two real GH Archive hours (first lines of 2015-01-01-15
	 * and 2025-01-01-15), legacy owners such as {@code zhou---jing} included.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "2015-01-01-15.first1024.ndjson.gz", "2025-01-01-15.first2048.ndjson.gz" })
	void acceptsEveryRepositoryOfARealGhArchiveHour(String file) throws IOException {
		List<String> names = new ArrayList<>();
		try (InputStream input = new GZIPInputStream(GitHubJson.open("github-events/" + file))) {
			GitHubJson.readLines(input).forEach((event) -> names.add(event.repoName()));
		}
		assertThat(names).hasSizeGreaterThan(1000)
			.allSatisfy((name) -> assertThat(GitHubNames.isFullName(name)).as(name).isTrue());
	}

	@Test
	void acceptsTheLegacyNamesOfRealEvents() {
		assertThat(GitHubNames.isFullName("zhou---jing/zhou---jing.github.com")).isTrue();
		assertThat(GitHubNames.isLogin("cato-")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "octocat", "zhou---jing", "cato-", "-legacy", "foo_bar", "octocat_ent", "a", "Ab9",
			"abcdefghijklmnopqrstuvwxyz0123456789abc" })
	void acceptsLegacyAndEnterpriseLogins(String login) {
		assertThat(GitHubNames.isLogin(login)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "octo/cat", "octo.cat", "octo cat", "octo*cat", "ôcto", "octo\ncat",
			"abcdefghijklmnopqrstuvwxyz0123456789abcd" })
	void refusesLoginsGitHubCannotHave(String login) {
		assertThat(GitHubNames.isLogin(login)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Hello-World", "github3.py", ".github", "zhou---jing.github.com", "repo_name-1.0", "...",
			"-", "_" })
	void acceptsRepositoryNames(String name) {
		assertThat(GitHubNames.isRepositoryName(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ".", "..", "re/po", "re po", "re*po", "répo", "repo{}" })
	void refusesRepositoryNamesGitHubCannotHave(String name) {
		assertThat(GitHubNames.isRepositoryName(name)).isFalse();
	}

	@Test
	void boundsLengthsAsGitHubDoes() {
		assertThat(GitHubNames.isLogin("a".repeat(39))).isTrue();
		assertThat(GitHubNames.isLogin("a".repeat(40))).isFalse();
		assertThat(GitHubNames.isRepositoryName("r".repeat(100))).isTrue();
		assertThat(GitHubNames.isRepositoryName("r".repeat(101))).isFalse();
	}

	@Test
	void splitsAFullNameAtItsOnlySlash() {
		assertThat(GitHubNames.isFullName("foo_bar/baz")).isTrue();
		assertThat(GitHubNames.isFullName("a/b/c")).isFalse();
		assertThat(GitHubNames.isFullName("/b")).isFalse();
		assertThat(GitHubNames.isFullName("a/")).isFalse();
		assertThat(GitHubNames.isFullName("ab")).isFalse();
		assertThat(GitHubNames.isFullName(null)).isFalse();
	}

}
