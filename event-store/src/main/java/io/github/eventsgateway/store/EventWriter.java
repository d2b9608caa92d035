package io.github.eventsgateway.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The write path: stores batches of events atomically, idempotently, in one round trip
 * each. Used by every event source of the poller.
 */
public final class EventWriter {

	private static final RedisScript<List> INGEST = LuaScripts.load("ingest.lua");

	private final ReactiveStringRedisTemplate redis;

	private final EventStoreKeys keys;

	private final String retentionSeconds;

	/**
	 * Creates the write path.
	 * @param redis the connection
	 * @param keys the key layout
	 * @param retention how long events are kept (at least an hour in a service: see
	 * {@code EventStoreProperties})
	 */
	public EventWriter(ReactiveStringRedisTemplate redis, EventStoreKeys keys, Duration retention) {
		this.redis = redis;
		this.keys = keys;
		this.retentionSeconds = Long.toString(retention.toSeconds());
	}

	/**
	 * Stores events for a writer that holds no lease (a file import), without capture
	 * statistics.
	 * @param events the events, in any order, possibly with duplicates
	 * @return what was stored
	 * @see #ingest(List, String, CaptureRecord)
	 */
	public Mono<IngestResult> ingest(List<GitHubEvent> events) {
		return ingest(events, "", null);
	}

	/**
	 * Stores events that are new, skips those stored before, trims what fell out of the
	 * retention, and records the read's capture statistics, all in one atomic script,
	 * only while the writer's fencing token is still the lease's.
	 * @param events the events, in any order, possibly with duplicates
	 * @param fencingToken the writer's token ({@link PollerLease}), or {@code ""} for a
	 * writer that holds no lease
	 * @param capture what the read that brought them tells about completeness, or
	 * {@code null}
	 * @return what was stored, or {@link LeaseLostException} when the lease is no longer
	 * the writer's (nothing was written)
	 */
	public Mono<IngestResult> ingest(List<GitHubEvent> events, String fencingToken, CaptureRecord capture) {
		List<String> args = new ArrayList<>(8 + events.size() * 5);
		args.add(this.keys.prefix());
		args.add(this.retentionSeconds);
		args.add(fencingToken);
		if (capture != null) {
			args.add(capture.stream());
			args.add(Long.toString(capture.minute()));
			args.add(Long.toString(capture.missed()));
			args.add(Integer.toString(capture.saturations()));
			args.add(Integer.toString(capture.requests()));
		}
		else {
			args.addAll(List.of("", "0", "0", "0", "0"));
		}
		for (GitHubEvent event : events) {
			args.add(event.id());
			args.add(event.type());
			args.add(Long.toString(event.createdAt().getEpochSecond()));
			args.add(event.opensPullRequest() ? event.repoName().toLowerCase(Locale.ROOT) : "");
			args.add(event.makesRepositoryPublic() ? MadePublicRepo.of(event).toMember() : "");
		}
		List<String> scriptKeys = List.of(this.keys.types(), this.keys.madePublic(), this.keys.status(),
				this.keys.pollerLease(), this.keys.captureTotals(), this.keys.captureStreams(), this.keys.version());
		return LuaScripts.single(this.redis.execute(INGEST, scriptKeys, args)).handle((reply, sink) -> {
			if (reply.size() == 1) {
				sink.error(new LeaseLostException());
			}
			else {
				sink.next(toResult(reply));
			}
		});
	}

	private static IngestResult toResult(List<?> reply) {
		long newest = (Long) reply.get(3);
		Map<String, Integer> byType = new LinkedHashMap<>();
		List<?> pairs = (List<?>) reply.get(4);
		for (int i = 0; i + 1 < pairs.size(); i += 2) {
			byType.put((String) pairs.get(i), ((Long) pairs.get(i + 1)).intValue());
		}
		return new IngestResult(((Long) reply.get(0)).intValue(), ((Long) reply.get(1)).intValue(),
				((Long) reply.get(2)).intValue(), (newest > 0) ? Instant.ofEpochSecond(newest) : null, byType);
	}

}
