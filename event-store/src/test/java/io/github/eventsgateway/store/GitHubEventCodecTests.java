package io.github.eventsgateway.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GitHubEventCodecTests {

	@Test
	void readsTheFieldsItNeedsFromARealEventsPage() throws IOException {
		List<GitHubEvent> events = GitHubEventCodec.readArray(fixture("GET-events.2020-04-25.pygithub.json"));
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
		List<GitHubEvent> events = GitHubEventCodec.readArray(fixture("dlt-duckdb-repo-events-page1.json"));
		assertThat(events).hasSize(100);
		assertThat(events).filteredOn(GitHubEvent::opensPullRequest).hasSize(3);
	}

	@Test
	void readsEveryLineOfAGhArchiveFile() throws IOException {
		List<GitHubEvent> events = new ArrayList<>();
		try (InputStream input = new GZIPInputStream(
				getClass().getResourceAsStream("/fixtures/2025-01-01-15.first2048.ndjson.gz"))) {
			long skipped = GitHubEventCodec.readLines(input, events::add);
			assertThat(skipped).isZero();
		}
		assertThat(events).hasSize(2048);
		assertThat(events).filteredOn(GitHubEvent::makesRepositoryPublic).hasSize(13);
		assertThat(events).filteredOn(GitHubEvent::opensPullRequest).hasSize(54);
	}

	@Test
	void toleratesMissingAndUnknownFields() {
		List<GitHubEvent> events = GitHubEventCodec.readArray(bytes("""
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
		List<GitHubEvent> events = GitHubEventCodec.readArray(bytes("""
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
	void skipsUnreadableLinesOfAFile() {
		List<GitHubEvent> events = new ArrayList<>();
		long skipped = GitHubEventCodec.readLines(new ByteArrayInputStream(bytes("""
				{"id":"1","type":"PushEvent","created_at":"2026-01-01T00:00:00Z"}
				{"id":"2","type":"Push

				{"id":"3","type":"WatchEvent","created_at":"2026-01-01T00:00:00Z"}
				""")), events::add);
		assertThat(skipped).isOne();
		assertThat(events).extracting(GitHubEvent::id).containsExactly("1", "3");
	}

	private byte[] fixture(String name) throws IOException {
		try (InputStream input = getClass().getResourceAsStream("/fixtures/" + name)) {
			return input.readAllBytes();
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
