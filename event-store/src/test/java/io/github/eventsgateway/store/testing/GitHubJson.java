package io.github.eventsgateway.store.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import io.github.eventsgateway.store.GitHubEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * Reads GitHub events for tests with plain Jackson, independently of the poller's codec,
 * and the real fixtures shared by every module's tests ({@code github-events/} in this
 * test-jar; see its README for their sources).
 */
public final class GitHubJson {

	/** The first 2,048 lines of GH Archive's 2025-01-01 15h dump (13 PublicEvents). */
	public static final String GH_ARCHIVE_2025 = "github-events/2025-01-01-15.first2048.ndjson.gz";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private GitHubJson() {
	}

	/**
	 * Reads a JSON array of events, as {@code GET /events} returns.
	 * @param json the array
	 * @return the events, in order
	 */
	public static List<GitHubEvent> readArray(byte[] json) {
		List<GitHubEvent> events = new ArrayList<>();
		JSON.readTree(json).forEach((node) -> events.add(toEvent(node)));
		return events;
	}

	/**
	 * Reads one event.
	 * @param json the event's JSON object
	 * @return the event
	 */
	public static GitHubEvent readObject(String json) {
		return toEvent(JSON.readTree(json));
	}

	/**
	 * Reads newline-delimited events, one JSON object a line.
	 * @param input the (decompressed) stream
	 * @return the events, in file order
	 */
	public static List<GitHubEvent> readLines(InputStream input) {
		List<GitHubEvent> events = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					events.add(toEvent(JSON.readTree(line)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return events;
	}

	/** The events of {@link #GH_ARCHIVE_2025}, in file order. */
	public static List<GitHubEvent> ghArchive2025() {
		try (InputStream input = new GZIPInputStream(open(GH_ARCHIVE_2025))) {
			return readLines(input);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Opens a fixture of this test-jar.
	 * @param name its path, such as {@value #GH_ARCHIVE_2025}
	 * @return its bytes
	 */
	public static InputStream open(String name) {
		try {
			return new ClassPathResource(name).getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads a fixture of this test-jar whole.
	 * @param name its path, such as
	 * {@code github-events/GET-events.2020-04-25.pygithub.json}
	 * @return its bytes
	 */
	public static byte[] bytes(String name) {
		try (InputStream input = open(name)) {
			return input.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static GitHubEvent toEvent(JsonNode node) {
		JsonNode repo = node.path("repo");
		JsonNode repoId = repo.path("id");
		return new GitHubEvent(node.path("id").asString(), node.path("type").asString(),
				repoId.isNumber() ? repoId.asLong() : null, text(repo.path("name")),
				text(node.path("actor").path("login")), Instant.parse(node.path("created_at").asString()),
				text(node.path("payload").path("action")));
	}

	private static String text(JsonNode node) {
		return node.isString() ? node.asString() : null;
	}

}
