package io.github.eventsgateway.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.eventsgateway.firehose.Firehose;
import io.github.eventsgateway.firehose.RecordedRequest;

/**
 * Writes the requests the GitHub stand-in answered next to the services' logs
 * ({@code target/service-logs/NAME-github-requests.log}), to read after a failure.
 */
public final class GitHubRequestLog {

	private GitHubRequestLog() {
	}

	public static void write(String name, Firehose github) {
		List<String> lines = github.requests().stream().map(GitHubRequestLog::line).toList();
		Path file = Path.of("target", "service-logs", name + "-github-requests.log");
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String line(RecordedRequest request) {
		return request.receivedAt() + " " + request.credential() + " " + request.userAgent() + " page=" + request.page()
				+ " status=" + request.status() + " fault=" + request.fault() + " events=" + request.eventsServed();
	}

}
