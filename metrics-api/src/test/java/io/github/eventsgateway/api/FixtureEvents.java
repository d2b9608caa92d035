package io.github.eventsgateway.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * The real GitHub events in {@code src/test/resources/github-events}, read with plain
 * Jackson (not event-store's codec), so tests can compute what the API should answer
 * independently of the code under test.
 */
final class FixtureEvents {

	static final String GHARCHIVE = "github-events/2025-01-01-15.first2048.ndjson.gz";

	static final String DUCKDB_PAGE = "github-events/dlt-duckdb-repo-events-page1.json";

	static final String GITHUB3PY_RECORDINGS = "github-events/github3py-recordings.json";

	static final String OCTOKIT_RECORDINGS = "github-events/octokit-rb-recordings.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FixtureEvents() {
	}

	/**
	 * One event as the fixture file has it.
	 */
	record Event(String id, String type, Long repoId, String repoName, String actor, Instant createdAt, String action) {

		boolean opensPullRequest() {
			return "PullRequestEvent".equals(this.type) && "opened".equals(this.action);
		}

	}

	/** Every event of every fixture file, each id once (ids repeat across recordings). */
	static List<Event> allUnique() {
		Map<String, Event> byId = new LinkedHashMap<>();
		for (JsonNode node : allNodes()) {
			Event event = toEvent(node);
			byId.putIfAbsent(event.id(), event);
		}
		return new ArrayList<>(byId.values());
	}

	/**
	 * The raw JSON arrays of events, one per page or recording, as a poller would receive
	 * them (duplicates included).
	 */
	static List<byte[]> pages() {
		List<byte[]> pages = new ArrayList<>();
		List<JsonNode> archive = gharchiveLines();
		for (int i = 0; i < archive.size(); i += 500) {
			pages.add(JSON.writeValueAsBytes(archive.subList(i, Math.min(i + 500, archive.size()))));
		}
		pages.add(JSON.writeValueAsBytes(read(DUCKDB_PAGE)));
		for (String recordings : List.of(GITHUB3PY_RECORDINGS, OCTOKIT_RECORDINGS)) {
			for (JsonNode recording : read(recordings).get("recordings")) {
				pages.add(JSON.writeValueAsBytes(recording.get("body")));
			}
		}
		return pages;
	}

	private static List<JsonNode> allNodes() {
		List<JsonNode> nodes = new ArrayList<>(gharchiveLines());
		read(DUCKDB_PAGE).forEach(nodes::add);
		for (String recordings : List.of(GITHUB3PY_RECORDINGS, OCTOKIT_RECORDINGS)) {
			for (JsonNode recording : read(recordings).get("recordings")) {
				recording.get("body").forEach(nodes::add);
			}
		}
		return nodes;
	}

	private static Event toEvent(JsonNode node) {
		JsonNode repo = node.path("repo");
		JsonNode payload = node.path("payload");
		return new Event(node.get("id").asString(), node.get("type").asString(),
				repo.has("id") ? repo.get("id").asLong() : null, repo.path("name").asString(null),
				node.path("actor").path("login").asString(null), Instant.parse(node.get("created_at").asString()),
				payload.has("action") ? payload.get("action").asString() : null);
	}

	private static List<JsonNode> gharchiveLines() {
		List<JsonNode> lines = new ArrayList<>();
		try (InputStream in = new GZIPInputStream(new ClassPathResource(GHARCHIVE).getInputStream());
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					lines.add(JSON.readTree(line));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return lines;
	}

	private static JsonNode read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
