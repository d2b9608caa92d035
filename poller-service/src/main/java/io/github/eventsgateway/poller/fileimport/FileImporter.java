package io.github.eventsgateway.poller.fileimport;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.eventsgateway.poller.metrics.PollerMetrics;
import io.github.eventsgateway.store.EventWriter;
import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.IngestResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a GH Archive file (newline-delimited event JSON, gzipped when its name ends in
 * {@code .gz}) and stores its events through the same write path as the poller, in
 * batches. In replay mode every created_at is shifted by one offset, so that the file's
 * newest event lands at now; in import mode the original times are kept.
 */
public class FileImporter {

	/** Batches in flight at once: one being written while the next is built. */
	private static final int CONCURRENT_BATCHES = 2;

	private final EventWriter writer;

	private final PollerMetrics metrics;

	private final int batchSize;

	private final Clock clock;

	public FileImporter(EventWriter writer, PollerMetrics metrics, int batchSize, Clock clock) {
		this.writer = writer;
		this.metrics = metrics;
		this.batchSize = batchSize;
		this.clock = clock;
	}

	/**
	 * Imports a file.
	 * @param path the file
	 * @param replay whether to shift the times so that the newest event lands at now
	 * @return what was imported
	 */
	public Mono<ImportSummary> importFile(Path path, boolean replay) {
		return Mono.defer(() -> {
			Instant startedAt = this.clock.instant();
			Mono<Duration> offset = replay ? newestCreatedAt(path)
				.map((newest) -> Duration.ofSeconds(startedAt.getEpochSecond() - newest.getEpochSecond()))
				.defaultIfEmpty(Duration.ZERO) : Mono.just(Duration.ZERO);
			return offset.flatMap((shift) -> store(path, shift, startedAt));
		});
	}

	private Mono<ImportSummary> store(Path path, Duration shift, Instant startedAt) {
		AtomicLong read = new AtomicLong();
		AtomicLong skipped = new AtomicLong();
		Flux<GitHubEvent> events = EventFile.events(path, skipped)
			.map((event) -> shifted(event, shift))
			.doOnNext((event) -> read.incrementAndGet());
		return events.buffer(this.batchSize)
			.flatMap(this::ingest, CONCURRENT_BATCHES)
			.reduce(new long[3], (totals, result) -> {
				totals[0] += result.stored();
				totals[1] += result.duplicates();
				totals[2] += result.expired();
				return totals;
			})
			.map((totals) -> new ImportSummary(path, read.get(), totals[0], totals[1], totals[2], skipped.get(),
					Duration.between(startedAt, this.clock.instant())));
	}

	private Mono<IngestResult> ingest(List<GitHubEvent> batch) {
		return this.writer.ingest(batch)
			.doOnNext((result) -> this.metrics.ingested(result.storedByType(), result.newestEventAt()));
	}

	private static GitHubEvent shifted(GitHubEvent event, Duration shift) {
		if (shift.isZero()) {
			return event;
		}
		return new GitHubEvent(event.id(), event.type(), event.repoId(), event.repoName(), event.actor(),
				event.createdAt().plus(shift), event.action());
	}

	private Mono<Instant> newestCreatedAt(Path path) {
		return EventFile.events(path, new AtomicLong())
			.map(GitHubEvent::createdAt)
			.reduce((a, b) -> a.isAfter(b) ? a : b);
	}

	/**
	 * What an import did.
	 *
	 * @param path the file
	 * @param read events read
	 * @param stored events new to the store
	 * @param duplicates events stored before
	 * @param expired events older than the retention
	 * @param skippedLines lines that held no readable event
	 * @param took how long it took
	 */
	public record ImportSummary(Path path, long read, long stored, long duplicates, long expired, long skippedLines,
			Duration took) {

		/** Events read per second. */
		public long eventsPerSecond() {
			long millis = Math.max(1, this.took.toMillis());
			return this.read * 1000 / millis;
		}

		/** The one summary line logged when an import ends. */
		public String describe() {
			return "Imported " + this.path + ": " + this.read + " events read, " + this.stored + " stored, "
					+ this.duplicates + " duplicates, " + this.expired + " expired, " + this.skippedLines
					+ " skipped lines in " + this.took.toMillis() / 1000.0 + " s (" + eventsPerSecond() + " events/s)";
		}

	}

}
