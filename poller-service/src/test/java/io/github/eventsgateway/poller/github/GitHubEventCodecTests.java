package io.github.eventsgateway.poller.github;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.testing.GitHubJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GitHubEventCodecTests {

	@Test
	void readsTheFieldsItNeedsFromARealEventsPage() throws IOException {
		List<GitHubEvent> events = read(GitHubJson.bytes("github-events/GET-events.2020-04-25.pygithub.json"));
		assertThat(events).hasSize(30);
		GitHubEvent first = events.get(0);
		assertThat(first.id()).matches("[0-9]+");
		assertThat(first.type()).endsWith("Event");
		assertThat(first.repoName()).contains("/");
		assertThat(first.actor()).isNotBlank();
		assertThat(first.createdAt()).isEqualTo(Instant.parse("2020-04-25T12:07:00Z"));
	}

	@Test
	void readsThePullRequestAction() throws IOException {
		List<GitHubEvent> events = read(GitHubJson.bytes("github-events/dlt-duckdb-repo-events-page1.json"));
		assertThat(events).hasSize(100);
		assertThat(events).filteredOn(GitHubEvent::opensPullRequest).hasSize(3);
	}

	@Test
	void readsEveryLineOfAGhArchiveFile() throws IOException {
		List<GitHubEvent> events = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(
				new GZIPInputStream(GitHubJson.open(GitHubJson.GH_ARCHIVE_2025)), StandardCharsets.UTF_8))) {
			lines.lines().forEach((line) -> events.add(GitHubEventCodec.readObject(line).orElseThrow()));
		}
		assertThat(events).hasSize(2048).isEqualTo(GitHubJson.ghArchive2025());
		assertThat(events).filteredOn(GitHubEvent::makesRepositoryPublic).hasSize(13);
		assertThat(events).filteredOn(GitHubEvent::opensPullRequest).hasSize(54);
	}

	@Test
	void toleratesMissingAndUnknownFields() {
		List<GitHubEvent> events = read(bytes("""
				[{"id":"1","created_at":"2026-01-01T00:00:00Z","surprise":{"nested":[1,2,{"a":null}]}},
				 {"id":"2","type":"BrandNewEvent","created_at":"2026-01-01T00:00:01Z","repo":null,"actor":"weird",
				  "payload":{}},
				 {"id":"3","type":"Push Event; DROP","created_at":"2026-01-01T00:00:02Z"}]
				"""));
		assertThat(events).extracting(GitHubEvent::type)
			.containsExactly(GitHubEvent.UNKNOWN_TYPE, "BrandNewEvent", GitHubEvent.UNKNOWN_TYPE);
		assertThat(events.get(1).repoName()).isNull();
		assertThat(events.get(1).actor()).isNull();
	}

	@Test
	void skipsEventsThatCannotBeStored() {
		List<GitHubEvent> events = read(bytes("""
				[{"type":"PushEvent","created_at":"2026-01-01T00:00:00Z"},
				 {"id":"2","type":"PushEvent","created_at":"yesterday"},
				 {"id":"3","type":"PushEvent"},
				 42, "text", null,
				 {"id":"4","type":"PushEvent","created_at":"2026-01-01T00:00:00Z"}]
				"""));
		assertThat(events).extracting(GitHubEvent::id).containsExactly("4");
	}

	@Test
	void rejectsABodyThatIsNotAJsonArray() {
		assertThatExceptionOfType(MalformedEventsException.class)
			.isThrownBy(() -> GitHubEventCodec.readArray(bytes("{\"message\":\"Not Found\"}")));
		assertThatExceptionOfType(MalformedEventsException.class)
			.isThrownBy(() -> GitHubEventCodec.readArray(bytes("[{\"id\":\"1\",\"type\":")));
		assertThatExceptionOfType(MalformedEventsException.class)
			.isThrownBy(() -> GitHubEventCodec.readArray(bytes("<html>")));
	}

	@Test
	void readsThePayloadsGitHubTrimmedInOctober2025() {
		List<GitHubEvent> events = read(
				bytes("""
						[{"id":"9001","type":"PullRequestEvent","actor":{"id":1,"login":"zhou---jing"},
						  "repo":{"id":7,"name":"zhou---jing/zhou---jing.github.com"},
						  "payload":{"action":"opened","number":4,"pull_request":{"id":1,"number":4,"url":"u",
						    "head":{"ref":"a","sha":"b"},"base":{"ref":"main","sha":"c"}}},
						  "public":true,"created_at":"2026-03-01T10:00:00Z"},
						 {"id":"9002","type":"PushEvent","actor":{"id":2,"login":"foo_bar"},"repo":{"id":8,"name":"foo_bar/baz"},
						  "payload":{"repository_id":8,"push_id":5,"ref":"refs/heads/main","head":"d","before":"e"},
						  "public":true,"created_at":"2026-03-01T10:00:01Z"},
						 {"id":"9003","type":"PublicEvent","actor":{"id":3,"login":"x"},"repo":{"id":9,"name":"x/y"},
						  "payload":{},"public":true,"created_at":"2026-03-01T10:00:02Z"},
						 {"id":"9004","type":"DiscussionEvent","actor":{"id":3,"login":"x"},"repo":{"id":9,"name":"x/y"},
						  "payload":{"action":"created","discussion":{}},"public":true,"created_at":"2026-03-01T10:00:03Z"}]
						"""));
		assertThat(events).extracting(GitHubEvent::type)
			.containsExactly("PullRequestEvent", "PushEvent", "PublicEvent", "DiscussionEvent");
		assertThat(events.get(0).opensPullRequest()).isTrue();
		assertThat(events.get(0).repoName()).isEqualTo("zhou---jing/zhou---jing.github.com");
		assertThat(events.get(1).actor()).isEqualTo("foo_bar");
		assertThat(events.get(2).makesRepositoryPublic()).isTrue();
	}

	@Test
	void dropsAndCountsEventsWhoseFieldsGitHubCouldNotHaveSent() {
		String hugeName = "o/" + "r".repeat(1_000_000);
		GitHubEventCodec.DecodedEvents decoded = GitHubEventCodec.readArray(bytes("""
				[{"id":"1","type":"PushEvent","repo":{"name":"%s"},"created_at":"2026-01-01T00:00:00Z"},
				 {"id":"2","type":"PushEvent","actor":{"login":"%s"},"created_at":"2026-01-01T00:00:00Z"},
				 {"id":"3","type":"PushEvent","repo":{"name":"no-slash"},"created_at":"2026-01-01T00:00:00Z"},
				 {"id":"4","type":"PushEvent","repo":{"name":"a/b\\u0000c"},"created_at":"2026-01-01T00:00:00Z"},
				 {"id":"5","type":"PullRequestEvent","payload":{"action":"%s"},"created_at":"2026-01-01T00:00:00Z"},
				 {"id":"6","type":"PushEvent","repo":{"name":"%s/%s"},"actor":{"login":"%s"},
				  "created_at":"2026-01-01T00:00:00Z"}]
				""".formatted(hugeName, "a".repeat(40), "x".repeat(100), "o".repeat(39), "r".repeat(100),
				"a".repeat(39))));
		assertThat(decoded.events()).extracting(GitHubEvent::id).containsExactly("6");
		assertThat(decoded.dropped()).isEqualTo(5);
	}

	private static List<GitHubEvent> read(byte[] json) {
		return GitHubEventCodec.readArray(json).events();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
