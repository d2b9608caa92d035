package io.github.eventsgateway.poller.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.testing.GitHubJson;

/**
 * The real GitHub payloads shared through event-store's test-jar
 * ({@code github-events/}).
 */
public final class Fixtures {

	/** {@code GET /events} of 2020-04-25 (PyGithub), 30 events: the newest page. */
	public static final String PAGE_2020 = "GET-events.2020-04-25.pygithub.json";

	/** {@code GET /events} of 2013-06-17 (octokit.rb), 30 events. */
	public static final String PAGE_2013 = "GET-events.2013-06-17.octokit-rb.json";

	/** {@code GET /events} of 2012-05-26 (PyGithub), 30 events: the oldest page. */
	public static final String PAGE_2012 = "GET-events.2012-05-26.pygithub.json";

	/** The first 2048 lines of the GH Archive hour 2025-01-01-15. */
	public static final String GH_ARCHIVE_2025 = "2025-01-01-15.first2048.ndjson.gz";

	private static final Pattern PUSH_STREAM = Pattern.compile("\"type\":\"(PushEvent|CreateEvent|DeleteEvent)\"");

	private Fixtures() {
	}

	public static byte[] bytes(String name) {
		return GitHubJson.bytes("github-events/" + name);
	}

	public static List<GitHubEvent> events(String name) {
		return GitHubJson.readArray(bytes(name));
	}

	/**
	 * A page of {@code /events} (a JSON array, newest first) of real events: the GH
	 * Archive hour's events whose type is, or is not, one of the Push/Create/Delete
	 * stream that github.com shows on page 1 since 2025.
	 * @param pushStream whether the page holds Push/Create/Delete events, or all others
	 * @param skip how many such events to skip
	 * @return the page of at most 100 events
	 */
	public static byte[] splitFeedPage(boolean pushStream, int skip) {
		List<String> lines = ghArchiveLines().stream()
			.filter((line) -> PUSH_STREAM.matcher(line).find() == pushStream)
			.skip(skip)
			.limit(100)
			.toList();
		return ("[" + String.join(",", lines) + "]").getBytes(StandardCharsets.UTF_8);
	}

	/** The raw lines of {@link #GH_ARCHIVE_2025}. */
	public static List<String> ghArchiveLines() {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new GZIPInputStream(GitHubJson.open("github-events/" + GH_ARCHIVE_2025)), StandardCharsets.UTF_8))) {
			return reader.lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A copy of a fixture in a temporary file (the test-jar's resources are no files).
	 */
	public static Path path(String name) {
		try (InputStream input = GitHubJson.open("github-events/" + name)) {
			Path file = Files.createTempFile("fixture-", "-" + name);
			file.toFile().deleteOnExit();
			Files.copy(input, file, StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
