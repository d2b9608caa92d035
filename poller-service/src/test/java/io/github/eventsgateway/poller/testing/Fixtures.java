package io.github.eventsgateway.poller.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.GitHubEventCodec;

import org.springframework.core.io.ClassPathResource;

/**
 * The real GitHub payloads in {@code src/test/resources/fixtures}.
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

	private Fixtures() {
	}

	public static byte[] bytes(String name) {
		try (InputStream input = new ClassPathResource("fixtures/" + name).getInputStream()) {
			return input.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String text(String name) {
		return new String(bytes(name), StandardCharsets.UTF_8);
	}

	public static List<GitHubEvent> events(String name) {
		return GitHubEventCodec.readArray(bytes(name));
	}

	public static Path path(String name) {
		try {
			return new ClassPathResource("fixtures/" + name).getFile().toPath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
