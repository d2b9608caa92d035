package io.github.eventsgateway.api.eventtypes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GitHubEventTypesTests {

	@ParameterizedTest
	@CsvSource({ "watchevent,WatchEvent", "WATCHEVENT,WatchEvent",
			"pullrequestreviewcommentevent," + "PullRequestReviewCommentEvent", "DiscussionEvent,DiscussionEvent",
			"sponsorshipEvent,SponsorshipEvent" })
	void knowsGitHubsSpellingWhateverTheCase(String asked, String canonical) {
		assertThat(GitHubEventTypes.canonical(asked)).isEqualTo(canonical);
	}

	@Test
	void knowsNothingElse() {
		assertThat(GitHubEventTypes.canonical("NoSuchEvent")).isNull();
		assertThat(GitHubEventTypes.canonical("UnknownEvent")).isNull();
		assertThat(GitHubEventTypes.canonical("WatchEvents")).isNull();
	}

	@Test
	void listsTheDocumentedTypesOnceInAlphabeticalOrder() {
		assertThat(GitHubEventTypes.NAMES).hasSize(18).doesNotHaveDuplicates().isSorted();
	}

}
