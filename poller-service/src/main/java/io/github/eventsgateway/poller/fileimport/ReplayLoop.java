package io.github.eventsgateway.poller.fileimport;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.eventsgateway.poller.capture.Leadership;
import io.github.eventsgateway.poller.metrics.PollerMetrics;
import io.github.eventsgateway.store.CaptureRecord;
import io.github.eventsgateway.store.EventWriter;
import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.IngestResult;
import io.github.eventsgateway.store.LeaseLostException;
import io.github.eventsgateway.store.PollerReport;
import io.github.eventsgateway.store.PollerStatusStore;
import io.github.eventsgateway.store.StoreFailures;
import io.github.eventsgateway.store.StreamState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Plays a file of events as a live feed ({@code POLLER_FILE_MODE=loop}), for as long as
 * the poller runs: at start it fills the last hour, the dashboard's longest window, then
 * every second it stores what landed since ({@link ReplayFeed}: the whole file every ten
 * minutes, so a ten-minute window always holds it once). Like polling it needs the lease;
 * it reports to the status as the leader does, in state {@value #STATE}, and records its
 * reads as the capture of a stream {@value #REPLAY} that misses nothing.
 */
public class ReplayLoop {

	/** The poller's state while it replays. */
	public static final String STATE = "REPLAYING";

	/**
	 * What a replay names itself where the status names GitHub's feed: its stream's id,
	 * its pacing and its reads' outcome.
	 */
	static final String REPLAY = "replay";

	static final Duration ROUND = Duration.ofMinutes(10);

	/** How far back a start (or a return after a pause) fills the store. */
	static final Duration HISTORY = Duration.ofHours(1);

	private static final Duration TICK = Duration.ofSeconds(1);

	private static final Logger logger = LoggerFactory.getLogger(ReplayLoop.class);

	private final EventWriter writer;

	private final PollerStatusStore status;

	private final Leadership leadership;

	private final PollerMetrics metrics;

	private final String instanceId;

	private final int batchSize;

	private final Clock clock;

	private final Scheduler scheduler;

	/** The moment up to which the feed is stored, {@code null} before the first tick. */
	private Instant playedUntil;

	private boolean failing;

	public ReplayLoop(EventWriter writer, PollerStatusStore status, Leadership leadership, PollerMetrics metrics,
			String instanceId, int batchSize, Clock clock, Scheduler scheduler) {
		this.writer = writer;
		this.status = status;
		this.leadership = leadership;
		this.metrics = metrics;
		this.instanceId = instanceId;
		this.batchSize = batchSize;
		this.clock = clock;
		this.scheduler = scheduler;
	}

	/**
	 * Reads a file, then plays it, a tick a second, while this instance holds the lease.
	 * @param path the file
	 * @return what each tick stored; fails only when the file cannot be read
	 */
	public Flux<Played> run(Path path) {
		return load(path).flatMapMany((feed) -> Flux.interval(Duration.ZERO, TICK, this.scheduler)
			.onBackpressureDrop()
			.concatMap((tick) -> play(feed, this.clock.instant())));
	}

	Mono<ReplayFeed> load(Path path) {
		AtomicLong skipped = new AtomicLong();
		return EventFile.events(path, skipped).collectList().map((events) -> {
			ReplayFeed feed = ReplayFeed.of(path.getFileName().toString(), events, ROUND);
			logger.info(
					"Replaying {} events of {} as a live feed ({} lines skipped): the whole file every {} min,"
							+ " the last {} min filled at start",
					feed.size(), feed.name(), skipped.get(), ROUND.toMinutes(), HISTORY.toMinutes());
			return feed;
		});
	}

	/**
	 * Stores what the feed brought since the last tick (at most the last hour), then
	 * reports to the status. Nothing happens while this instance does not hold the lease;
	 * a failed tick is logged and played again by the next one.
	 * @param feed the feed
	 * @param now the current time
	 * @return what it stored, empty when nothing was played
	 */
	Mono<Played> play(ReplayFeed feed, Instant now) {
		String fencingToken = this.leadership.fencingToken(now);
		if (fencingToken == null) {
			return Mono.empty();
		}
		Instant earliest = now.minus(HISTORY);
		Instant from = (this.playedUntil == null || this.playedUntil.isBefore(earliest)) ? earliest : this.playedUntil;
		return Flux.fromIterable(byMinute(feed.between(from, now)))
			.concatMap((batch) -> this.writer.ingest(batch, fencingToken,
					new CaptureRecord(REPLAY, batch.get(0).createdAt(), 0, 0, 1)))
			.doOnNext((result) -> this.metrics.ingested(result.storedByType(), result.newestEventAt()))
			.reduce(new Played(now, 0, 0), Played::plus)
			.flatMap((played) -> report(feed, fencingToken, now).thenReturn(played))
			.doOnNext((played) -> {
				this.playedUntil = now;
				if (this.failing) {
					this.failing = false;
					logger.info("Replay stores again");
				}
			})
			.onErrorResume((ex) -> {
				failed(ex);
				return Mono.empty();
			});
	}

	/**
	 * The events in batches that each hold one minute's: each batch's capture is counted
	 * in its events' minute, so that a window's capture speaks of the events it counts.
	 */
	private List<List<GitHubEvent>> byMinute(List<GitHubEvent> events) {
		List<List<GitHubEvent>> batches = new ArrayList<>();
		List<GitHubEvent> batch = new ArrayList<>();
		for (GitHubEvent event : events) {
			if (!batch.isEmpty() && (batch.size() == this.batchSize || !minute(batch.get(0)).equals(minute(event)))) {
				batches.add(batch);
				batch = new ArrayList<>();
			}
			batch.add(event);
		}
		if (!batch.isEmpty()) {
			batches.add(batch);
		}
		return batches;
	}

	private static Instant minute(GitHubEvent event) {
		return event.createdAt().truncatedTo(ChronoUnit.MINUTES);
	}

	private Mono<Boolean> report(ReplayFeed feed, String fencingToken, Instant now) {
		StreamState stream = new StreamState(REPLAY, List.of(), feed.types(5),
				Math.round(feed.eventsPerSecond() * 100) / 100.0, TICK.toMillis() / 1000.0, 1);
		PollerReport report = PollerReport.builder(this.instanceId)
			.state(STATE)
			.source("file:" + feed.name())
			.pacing(REPLAY)
			.credentials(List.of())
			.streams(List.of(stream))
			.lastPoll(now, REPLAY)
			.lastSuccessAt(now)
			.build();
		return this.status.update(fencingToken, report);
	}

	private void failed(Throwable ex) {
		if (ex instanceof LeaseLostException) {
			this.leadership.lost();
		}
		else if (!this.failing) {
			this.failing = true;
			logger.warn("Replay could not store its events; trying again every second: {}", StoreFailures.describe(ex));
		}
	}

	/**
	 * What one tick stored.
	 *
	 * @param at the moment up to which the feed is stored
	 * @param stored events new to the store
	 * @param duplicates events stored before
	 */
	public record Played(Instant at, long stored, long duplicates) {

		Played plus(IngestResult result) {
			return new Played(this.at, this.stored + result.stored(), this.duplicates + result.duplicates());
		}

	}

}
