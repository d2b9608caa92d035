package io.github.eventsgateway.api.timeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;

import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.EventWriter;
import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.testing.GitHubJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The first 2,048 real events of GH Archive's 2025-01-01 15:00 hour (created 15:00:00Z to
 * 15:00:38Z), stored through the poller's own write path, and read a second time,
 * independently, with plain Jackson, for the expectations.
 */
public final class GhArchiveEvents {

	/** The classpath location of the file, a verbatim copy of the shared fixture. */
	public static final String FILE = "/github-events/2025-01-01-15.first2048.ndjson.gz";

	private GhArchiveEvents() {
	}

	/**
	 * Stores the events through {@link EventWriter}, as the poller does.
	 * @param redis the template
	 * @param times how to move each event's created_at (identity to keep it)
	 * @return how many were stored
	 */
	public static int store(ReactiveStringRedisTemplate redis, UnaryOperator<Instant> times) {
		return store(redis, EventStoreKeys.defaults(), times, (createdAt) -> true);
	}

	/**
	 * Stores the events in a namespace through {@link EventWriter}, as the poller does.
	 * @param redis the template
	 * @param keys the namespace's key layout
	 * @param times how to move each event's created_at (identity to keep it)
	 * @return how many were stored
	 */
	public static int store(ReactiveStringRedisTemplate redis, EventStoreKeys keys, UnaryOperator<Instant> times) {
		return store(redis, keys, times, (createdAt) -> true);
	}

	/**
	 * Stores some of the events through {@link EventWriter}, as the poller does.
	 * @param redis the template
	 * @param times how to move each event's created_at (identity to keep it)
	 * @param which which events to store, by their created_at in the file
	 * @return how many were stored
	 */
	public static int store(ReactiveStringRedisTemplate redis, UnaryOperator<Instant> times, Predicate<Instant> which) {
		return store(redis, EventStoreKeys.defaults(), times, which);
	}

	private static int store(ReactiveStringRedisTemplate redis, EventStoreKeys keys, UnaryOperator<Instant> times,
			Predicate<Instant> which) {
		List<GitHubEvent> events = new ArrayList<>();
		for (GitHubEvent event : GitHubJson.ghArchive2025()) {
			if (which.test(event.createdAt())) {
				events.add(new GitHubEvent(event.id(), event.type(), event.repoId(), event.repoName(), event.actor(),
						times.apply(event.createdAt()), event.action()));
			}
		}
		EventWriter writer = new EventWriter(redis, keys, Duration.ofDays(7));
		return writer.ingest(events).block(Duration.ofSeconds(10)).stored();
	}

	/**
	 * Reads the type and created_at of every event with Jackson, without event-store.
	 * @param times how to move each event's created_at, as given to {@link #store}
	 * @return the events, in file order
	 */
	public static List<TypeAndTime> readIndependently(UnaryOperator<Instant> times) {
		JsonMapper json = JsonMapper.builder().build();
		List<TypeAndTime> events = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new GZIPInputStream(open()), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				JsonNode event = json.readTree(line);
				events.add(new TypeAndTime(event.get("type").asString(),
						times.apply(Instant.parse(event.get("created_at").asString()))));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return events;
	}

	private static InputStream open() {
		InputStream input = GhArchiveEvents.class.getResourceAsStream(FILE);
		if (input == null) {
			throw new IllegalStateException(FILE + " is missing from the test resources");
		}
		return input;
	}

	/**
	 * What the expectations need of an event.
	 *
	 * @param type its type
	 * @param createdAt its created_at
	 */
	public record TypeAndTime(String type, Instant createdAt) {

		/**
		 * The bucket this event falls in: bucket {@code i} holds created_at in
		 * {@code (from + i * bucket, from + (i + 1) * bucket]}.
		 * @param from the start of the first bucket
		 * @param bucket the bucket length
		 * @return the index, negative or past the last bucket when outside
		 */
		public long bucketIndex(Instant from, Duration bucket) {
			long seconds = Duration.between(from, this.createdAt).toSeconds();
			return (seconds <= 0) ? -1 : (seconds - 1) / bucket.toSeconds();
		}

	}

}
