package io.github.eventsgateway.poller.fileimport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import io.github.eventsgateway.poller.github.GitHubEventCodec;
import io.github.eventsgateway.poller.github.MalformedEventsException;
import io.github.eventsgateway.store.GitHubEvent;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * A GH Archive file: newline-delimited event JSON, gzipped when its name ends in
 * {@code .gz}. A line that holds no readable event is counted and skipped.
 */
final class EventFile {

	private EventFile() {
	}

	/**
	 * The file's events, read lazily as they are requested, on a thread that may block.
	 */
	static Flux<GitHubEvent> events(Path path, AtomicLong skipped) {
		return Flux.using(() -> open(path), (reader) -> Flux.<String>generate((sink) -> {
			try {
				String line = reader.readLine();
				if (line != null) {
					sink.next(line);
				}
				else {
					sink.complete();
				}
			}
			catch (IOException ex) {
				sink.error(new UncheckedIOException(ex));
			}
		}), EventFile::close)
			.subscribeOn(Schedulers.boundedElastic())
			.filter((line) -> !line.isBlank())
			.handle((line, sink) -> {
				Optional<GitHubEvent> event = parse(line);
				if (event.isPresent()) {
					sink.next(event.get());
				}
				else {
					skipped.incrementAndGet();
				}
			});
	}

	private static Optional<GitHubEvent> parse(String line) {
		try {
			return GitHubEventCodec.readObject(line);
		}
		catch (MalformedEventsException ex) {
			return Optional.empty();
		}
	}

	private static BufferedReader open(Path path) throws IOException {
		InputStream input = Files.newInputStream(path);
		try {
			if (path.getFileName().toString().endsWith(".gz")) {
				input = new GZIPInputStream(input, 64 * 1024);
			}
			return new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8), 256 * 1024);
		}
		catch (IOException ex) {
			input.close();
			throw ex;
		}
	}

	private static void close(BufferedReader reader) {
		try {
			reader.close();
		}
		catch (IOException ex) {
			// Nothing was written through it: a failed close loses nothing.
		}
	}

}
