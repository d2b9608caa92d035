package io.github.eventsgateway.store;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The read path: every query is one round trip to Redis, whatever the number of types or
 * events stored.
 */
public final class EventReader {

	private static final RedisScript<List> COUNTS = LuaScripts.load("counts.lua");

	private static final RedisScript<List> TIMELINE = LuaScripts.load("timeline.lua");

	private static final RedisScript<List> PULL_REQUEST_INTERVAL = LuaScripts.load("pull-request-interval.lua");

	private static final RedisScript<List> CAPTURE = LuaScripts.load("capture.lua");

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
		return countByType(from, to, types, "").map(VersionedCounts::counts);
	}

	/**
	 * Counts events by type whose created_at lies after {@code from} and up to
	 * {@code to}, unless the store is still at {@code knownVersion}: then the caller's
	 * answer for the same window still holds, and Redis counts nothing.
	 * @param from the start of the window (exclusive)
	 * @param to the end of the window (inclusive)
	 * @param types the types wanted, or empty for every type stored
	 * @param knownVersion the version of the caller's answer for this window, or
	 * {@code ""} for none
	 * @return the counts (sorted by type name, zeros included) with the store's version,
	 * or only the version when it is {@code knownVersion}
	 */
	public Mono<VersionedCounts> countByType(Instant from, Instant to, Collection<String> types, String knownVersion) {
		List<String> args = new ArrayList<>(4 + types.size());
		args.add(this.keys.prefix());
		args.add(Long.toString(from.getEpochSecond()));
		args.add(Long.toString(to.getEpochSecond()));
		args.add(knownVersion);
		args.addAll(types);
		return LuaScripts.single(this.redis.execute(COUNTS, List.of(this.keys.types(), this.keys.status()), args))
			.map((reply) -> {
				String version = (String) reply.get(0);
				if (reply.size() == 1 && version.equals(knownVersion)) {
					return new VersionedCounts(version, null);
				}
				Map<String, Long> counts = new TreeMap<>();
				for (int i = 1; i + 1 < reply.size(); i += 2) {
					counts.put((String) reply.get(i), (Long) reply.get(i + 1));
				}
				return new VersionedCounts(version, counts);
			});
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
		List<String> args = new ArrayList<>(4 + types.size());
		args.add(this.keys.prefix());
		args.add(Long.toString(from.getEpochSecond()));
		args.add(Long.toString(bucket.toSeconds()));
		args.add(Integer.toString(buckets));
		args.addAll(types);
		return LuaScripts.single(this.redis.execute(TIMELINE, List.of(this.keys.types()), args)).map((reply) -> {
			Map<String, long[]> counts = new TreeMap<>();
			for (int i = 0; i + 1 < reply.size(); i += 2) {
				List<?> perBucket = (List<?>) reply.get(i + 1);
				counts.put((String) reply.get(i), perBucket.stream().mapToLong((count) -> (Long) count).toArray());
			}
			return new Timeline(from, bucket, buckets, counts);
		});
	}

	/**
	 * Summarizes the pull requests opened in a repository.
	 * @param repoName the repository's {@code owner/name}, in any case
	 * @return the summary (zero pull requests when the store knows none)
	 */
	public Mono<PullRequestStats> pullRequestsOpened(String repoName) {
		return LuaScripts
			.single(this.redis.execute(PULL_REQUEST_INTERVAL, List.of(this.keys.pullRequestsOpened(repoName)),
					List.of()))
			.map((reply) -> {
				long opened = (Long) reply.get(0);
				if (opened == 0) {
					return new PullRequestStats(0, null, null);
				}
				return new PullRequestStats(opened, epochSeconds(reply.get(1)), epochSeconds(reply.get(2)));
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
		return this.redis.opsForZSet()
			.reverseRangeByScoreWithScores(this.keys.madePublic(), Range.unbounded(), Limit.limit().count(limit))
			.map(EventReader::toMadePublicRepo)
			.collectList();
	}

	/**
	 * What the poller captured of each stream of the feed over a window, to the minute
	 * (the minutes of {@code from} and {@code to} included).
	 * @param from the window's start
	 * @param to the window's end
	 * @return per stream, sorted by id; empty when no poller reported any
	 */
	public Mono<List<StreamCapture>> capture(Instant from, Instant to) {
		List<String> args = List.of(this.keys.prefix(), Long.toString(minute(from)), Long.toString(minute(to)));
		return LuaScripts.single(this.redis.execute(CAPTURE, List.of(this.keys.captureStreams()), args))
			.map((reply) -> {
				List<StreamCapture> streams = new ArrayList<>();
				for (int i = 0; i + 4 < reply.size(); i += 5) {
					streams.add(new StreamCapture((String) reply.get(i), (Long) reply.get(i + 1),
							(Long) reply.get(i + 2), (Long) reply.get(i + 3), (Long) reply.get(i + 4)));
				}
				streams.sort(Comparator.comparing(StreamCapture::stream));
				return streams;
			});
	}

	private static long minute(Instant at) {
		return at.truncatedTo(ChronoUnit.MINUTES).getEpochSecond();
	}

	private static MadePublicRepo toMadePublicRepo(TypedTuple<String> tuple) {
		return MadePublicRepo.fromMember(tuple.getValue(), tuple.getScore());
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
