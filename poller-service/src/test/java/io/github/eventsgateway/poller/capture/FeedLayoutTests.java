package io.github.eventsgateway.poller.capture;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.eventsgateway.store.GitHubEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedLayoutTests {

	@Test
	void takesAllPagesForOneStreamUntilTheyShowEnough() {
		FeedLayout layout = new FeedLayout(3);
		layout.observe(1, events(100, "PushEvent"));
		layout.observe(2, events(100, "WatchEvent"));
		assertThat(layout.streams()).containsExactly(new PageRange(1, 3));
	}

	@Test
	void tellsThePushStreamOfPageOneFromTheOthersOfPagesTwoAndThree() {
		FeedLayout layout = new FeedLayout(3);
		boolean changed = false;
		for (int i = 0; i < 3; i++) {
			changed |= layout.observe(1, events(100, "PushEvent", "PushEvent", "CreateEvent", "DeleteEvent"));
			changed |= layout.observe(2, events(100, "WatchEvent", "PullRequestEvent", "IssuesEvent"));
			changed |= layout.observe(3, events(100, "IssuesEvent", "WatchEvent", "PullRequestEvent"));
		}
		assertThat(changed).isTrue();
		assertThat(layout.streams()).containsExactly(new PageRange(1, 1), new PageRange(2, 3));
		assertThat(layout.types(new PageRange(2, 3), 2)).hasSize(2).doesNotContain("PushEvent");
		assertThat(new PageRange(2, 3).id()).isEqualTo("p2-3");
	}

	@Test
	void keepsAClassicFeedOfMixedPagesAsOneStream() {
		FeedLayout layout = new FeedLayout(3);
		for (int page = 1; page <= 3; page++) {
			layout.observe(page, events(300, "PushEvent", "WatchEvent", "PushEvent", "CreateEvent", "IssuesEvent"));
		}
		assertThat(layout.streams()).containsExactly(new PageRange(1, 3));
	}

	@Test
	void endsWhereGitHubSaysTheFeedEnds() {
		FeedLayout layout = new FeedLayout(3);
		assertThat(layout.endsAt(1)).isTrue();
		assertThat(layout.streams()).containsExactly(new PageRange(1, 1));
	}

	private static List<GitHubEvent> events(int count, String... types) {
		List<GitHubEvent> events = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			events.add(
					new GitHubEvent(Integer.toString(i), types[i % types.length], 1L, "o/r", "a", Instant.EPOCH, null));
		}
		return events;
	}

}
