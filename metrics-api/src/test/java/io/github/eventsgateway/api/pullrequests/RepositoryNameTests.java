package io.github.eventsgateway.api.pullrequests;

import io.github.eventsgateway.api.problem.InvalidParameterException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RepositoryNameTests {

	@ParameterizedTest
	@CsvSource({ "octocat,Hello-World", "a,b", "sigmavirus24,github3.py", "wacker-dev,wacker", "x-y-z,.github",
			"abcdefghijklmnopqrstuvwxyz0123456789abc,repo_name-1.0", "zhou---jing,zhou---jing.github.com",
			"foo_bar,baz", "cato-,x", "-octocat,repo", "octocat_shortcode,repo", "OctoCat,HELLO-world" })
	void acceptsEveryNameTheStoreCanHoldLegacyAndEnterpriseLoginsIncluded(String owner, String repo) {
		assertThat(RepositoryName.of(owner, repo).fullName()).isEqualTo(owner + "/" + repo);
	}

	@ParameterizedTest
	@ValueSource(strings = { "octo.cat", "", "abcdefghijklmnopqrstuvwxyz0123456789abcd", "octo cat", "octo/cat",
			"octo\ncat", "octo*cat" })
	void rejectsInvalidOwners(String owner) {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> RepositoryName.of(owner, "repo"))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("owner"));
	}

	@ParameterizedTest
	@ValueSource(strings = { ".", "..", "", "re po", "re/po", "re*po", "répo" })
	void rejectsInvalidRepositoryNames(String repo) {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> RepositoryName.of("octocat", repo))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("repo"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 101, 5000 })
	void rejectsRepositoryNamesLongerThanOneHundred(int length) {
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> RepositoryName.of("octocat", "r".repeat(length)))
			.withMessageContaining("1 to 100")
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(300));
	}

}
