package io.github.eventsgateway.store;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The read path: every query is one read-only script, one round trip to Redis whatever
 * the number of types or events stored, that a Redis replica may answer. Each answer
 * comes with the store's version it was read at ({@link Versioned}), so that a caller may
 * keep it while the version stands still.
 */
public final class EventReader {

	private static final ReadOnlyScript COUNTS = ReadOnlyScript.load("counts.lua");

	private static final ReadOnlyScript TIMELINE = ReadOnlyScript.load("timeline.lua");

	private static final ReadOnlyScript PULL_REQUEST_INTERVAL = ReadOnlyScript.load("pull-request-interval.lua");

	private static final ReadOnlyScript MADE_PUBLIC = ReadOnlyScript.load("made-public.lua");

	private static final ReadOnlyScript CAPTURE = ReadOnlyScript.load("capture.lua");

	private final ReactiveStringRedisTemplate redis;

	private final EventStoreKeys keys;

	public EventReader(ReactiveStringRedisTemplate redis, EventStoreKeys keys) {
		this.redis = redis;
		this.keys = keys;
	}

	/**
	 * Counts events by type whose created_at lies after {@code from} and up to
	 * {@code to}, to the second.
	 * @param from the start of the window (exclusive)
	 * @param to the end of the window (inclusive)
	 * @param types the types wanted, or empty for every type stored
	 * @return the count of each type, sorted by type name (zeros included)
	 */
	public Mono<Map<String, Long>> countByType(Instant from, Instant to, Collection<String> types) {
		return countByTypeVersioned(from, to, types).map(Versioned::value);
	}

	/**
	 * Counts events by type, as {@link #countByType} does, with the store's version.
	 * @param from the start of the window (exclusive)
	 * @param to the end of the window (inclusive)
	 * @param types the types wanted, or empty for every type stored
	 * @return the count of each type, sorted by type name (zeros included)
	 */
	public Mono<Versioned<Map<String, Long>>> countByTypeVersioned(Instant from, Instant to, Collection<String> types) {
		return countByTypeSliding(from, to, types, 0)
			.map((read) -> new Versioned<>(read.version(), read.value().counts(), read.validFor()));
	}

	/**
	 * Counts events by type, as {@link #countByType} does, and how the counts move while
	 * the window slides on, in the same round trip, with the store's version.
	 * @param from the start of the window (exclusive)
	 * @param to the end of the window (inclusive)
	 * @param types the types wanted, or empty for every type stored
	 * @param ahead how many seconds past {@code to} the counts must tell (0: only the
	 * window's)
	 * @return the counts
	 */
	public Mono<Versioned<SlidingCounts>> countByTypeSliding(Instant from, Instant to, Collection<String> types,
			int ahead) {
		List<String> args = new ArrayList<>(4 + types.size());
		args.add(this.keys.prefix());
		args.add(Long.toString(from.getEpochSecond()));
		args.add(Long.toString(to.getEpochSecond()));
		args.add(Integer.toString(ahead));
		args.addAll(types);
		int perType = (ahead > 0) ? 4 : 2;
		return COUNTS.execute(this.redis, List.of(this.keys.types(), this.keys.version()), args).map((reply) -> {
			Map<String, Long> counts = new TreeMap<>();
			Map<String, long[]> entering = new HashMap<>();
			Map<String, long[]> leaving = new HashMap<>();
			for (int i = 1; i + perType - 1 < reply.size(); i += perType) {
				String type = (String) reply.get(i);
				counts.put(type, (Long) reply.get(i + 1));
				if (ahead > 0) {
					entering.put(type, perSecond(reply.get(i + 2)));
					leaving.put(type, perSecond(reply.get(i + 3)));
				}
			}
			return new Versioned<>((String) reply.get(0), new SlidingCounts(to, ahead, counts, entering, leaving));
		});
	}

	private static long[] perSecond(Object reply) {
		List<?> seconds = (List<?>) reply;
		long[] counts = new long[seconds.size()];
		for (int i = 0; i < counts.length; i++) {
			counts[i] = (Long) seconds.get(i);
		}
		return counts;
	}

	/**
	 * Counts events by type in consecutive buckets.
	 * @param from the start of the first bucket (exclusive)
	 * @param bucket the length of a bucket, whole seconds
	 * @param buckets how many buckets
	 * @param types the types wanted, or empty for every type stored
	 * @return the timeline, with only the types that have events in it
	 */
	public Mono<Timeline> timeline(Instant from, Duration bucket, int buckets, Collection<String> types) {
		return timelineVersioned(from, bucket, buckets, types).map(Versioned::value);
	}

	/**
	 * Counts events by type in consecutive buckets, as {@link #timeline} does, with the
	 * store's version.
	 * @param from the start of the first bucket (exclusive)
	 * @param bucket the length of a bucket, whole seconds
	 * @param buckets how many buckets
	 * @param types the types wanted, or empty for every type stored
	 * @return the timeline, with only the types that have events in it
	 */
	public Mono<Versioned<Timeline>> timelineVersioned(Instant from, Duration bucket, int buckets,
			Collection<String> types) {
		List<String> args = new ArrayList<>(4 + types.size());
		args.add(this.keys.prefix());
		args.add(Long.toString(from.getEpochSecond()));
		args.add(Long.toString(bucket.toSeconds()));
		args.add(Integer.toString(buckets));
		args.addAll(types);
		return TIMELINE.execute(this.redis, List.of(this.keys.types(), this.keys.version()), args).map((reply) -> {
			List<?> series = (List<?>) reply.get(1);
			Map<String, long[]> counts = new TreeMap<>();
			for (int i = 0; i + 1 < series.size(); i += 2) {
				List<?> perBucket = (List<?>) series.get(i + 1);
				counts.put((String) series.get(i), perBucket.stream().mapToLong((count) -> (Long) count).toArray());
			}
			return new Versioned<>((String) reply.get(0), new Timeline(from, bucket, buckets, counts));
		});
	}

	/**
	 * Summarizes the pull requests opened in a repository.
	 * @param repoName the repository's {@code owner/name}, in any case
	 * @return the summary (zero pull requests when the store knows none)
	 */
	public Mono<PullRequestStats> pullRequestsOpened(String repoName) {
		return pullRequestsOpenedVersioned(repoName).map(Versioned::value);
	}

	/**
	 * Summarizes the pull requests opened in a repository, as {@link #pullRequestsOpened}
	 * does, with the store's version.
	 * @param repoName the repository's {@code owner/name}, in any case
	 * @return the summary (zero pull requests when the store knows none)
	 */
	public Mono<Versioned<PullRequestStats>> pullRequestsOpenedVersioned(String repoName) {
		return PULL_REQUEST_INTERVAL
			.execute(this.redis, List.of(this.keys.pullRequestsOpened(repoName), this.keys.version()), List.of())
			.map((reply) -> {
				String version = (String) reply.get(0);
				long opened = (Long) reply.get(1);
				if (opened == 0) {
					return new Versioned<>(version, new PullRequestStats(0, null, null));
				}
				return new Versioned<>(version,
						new PullRequestStats(opened, epochSeconds(reply.get(2)), epochSeconds(reply.get(3))));
			});
	}

	/**
	 * Lists every event type ever stored (the {@code types} set), in one round trip.
	 * @return the type names as stored
	 */
	public Mono<Set<String>> storedTypes() {
		return this.redis.opsForSet().members(this.keys.types()).collect(Collectors.toSet());
	}

	/**
	 * Lists the repositories made public, newest first.
	 * @param limit how many at most
	 * @return the repositories
	 */
	public Mono<List<MadePublicRepo>> madePublic(int limit) {
		return madePublicVersioned(limit).map(Versioned::value);
	}

	/**
	 * What the poller captured of each stream of the feed over a window, to the minute
	 * (the minutes of {@code from} and {@code to} included).
	 * @param from the window's start
	 * @param to the window's end
	 * @return per stream, sorted by id (empty when no poller reported any), with the
	 * store's version
	 */
	public Mono<Versioned<List<StreamCapture>>> capture(Instant from, Instant to) {
		List<String> args = List.of(this.keys.prefix(), Long.toString(minute(from)), Long.toString(minute(to)));
		return CAPTURE.execute(this.redis, List.of(this.keys.captureStreams(), this.keys.version()), args)
			.map((reply) -> {
				List<StreamCapture> streams = new ArrayList<>();
				for (int i = 1; i + 4 < reply.size(); i += 5) {
					streams.add(new StreamCapture((String) reply.get(i), (Long) reply.get(i + 1),
							(Long) reply.get(i + 2), (Long) reply.get(i + 3), (Long) reply.get(i + 4)));
				}
				streams.sort(Comparator.comparing(StreamCapture::stream));
				return new Versioned<>((String) reply.get(0), List.copyOf(streams));
			});
	}

	private static long minute(Instant at) {
		return at.truncatedTo(ChronoUnit.MINUTES).getEpochSecond();
	}

	/**
	 * Lists the repositories made public, as {@link #madePublic} does, with the store's
	 * version.
	 * @param limit how many at most
	 * @return the repositories
	 */
	public Mono<Versioned<List<MadePublicRepo>>> madePublicVersioned(int limit) {
		return MADE_PUBLIC
			.execute(this.redis, List.of(this.keys.madePublic(), this.keys.version()), List.of(Integer.toString(limit)))
			.map((reply) -> {
				List<?> members = (List<?>) reply.get(1);
				List<MadePublicRepo> repos = new ArrayList<>(members.size() / 2);
				for (int i = 0; i + 1 < members.size(); i += 2) {
					repos.add(MadePublicRepo.fromMember((String) members.get(i),
							Double.parseDouble((String) members.get(i + 1))));
				}
				return new Versioned<>((String) reply.get(0), List.copyOf(repos));
			});
	}

	private static Instant epochSeconds(Object score) {
		return Instant.ofEpochSecond((long) Double.parseDouble((String) score));
	}

	static Map<String, String> toStringMap(List<?> flat) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i + 1 < flat.size(); i += 2) {
			map.put((String) flat.get(i), (String) flat.get(i + 1));
		}
		return map;
	}

}
