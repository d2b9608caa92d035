package io.github.eventsgateway.firehose.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import io.github.eventsgateway.firehose.FeedMode;
import io.github.eventsgateway.firehose.FeedStream;
import io.github.eventsgateway.firehose.Firehose;
import io.github.eventsgateway.firehose.FirehoseSettings;
import io.github.eventsgateway.firehose.RecordedRequest;
import io.github.eventsgateway.firehose.RequestCount;
import io.github.eventsgateway.firehose.StoredIds;
import io.github.eventsgateway.firehose.StreamLedger;
import io.github.eventsgateway.firehose.completeness.BenchProcesses;
import io.github.eventsgateway.store.EventStoreKeys;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * How much of GitHub's 2026 feed the real poller (its executable jar) stores, per stream,
 * against its budget and the streams' rates, next to the best any scheduler could do with
 * that budget. Each point starts a fresh Redis, the stand-in in split mode (page 1 the
 * push stream, pages 2-3 every other type, visibility delays of 0 to 10 s, late events
 * surfacing below the top, GitHub's budgets and secondary limit) and the poller; the feed
 * runs from the start, as GitHub's does, the poller joins it, and from its first request
 * on the feed runs for a while in real time, stops, and the poller finishes what is still
 * visible. Then the stand-in's ledger of every event that became visible after the
 * poller's first request is compared with what Redis holds, and the poller's own estimate
 * of what it missed with the truth.
 */
public final class CaptureBenchmark {

	/** The options, for the command line's usage. */
	public static final String USAGE = "--points=full|quick|N,M,... --minutes=3 --drain-seconds=75"
			+ " --poller-jar=poller-service/target/poller-service.jar --out=bench/results/capture.csv";

	private static final String HEADER = "budget,pacing,feed,push_rate,other_rate,other_visible,other_stored,"
			+ "other_share,other_best,push_visible,push_stored,push_share,push_best,push_of_best,push_missed,"
			+ "push_missed_estimated,push_estimate_error,other_missed,other_missed_estimated,requests,charged,"
			+ "refused_spent,secondary_provoked,max_requests_per_minute";

	private CaptureBenchmark() {
	}

	public static void run(Map<String, String> options) throws IOException {
		List<CapturePoint> points = points(options.getOrDefault("points", "full"));
		Duration generation = Duration
			.ofSeconds((long) (60 * Double.parseDouble(options.getOrDefault("minutes", "3"))));
		Duration drain = Duration.ofSeconds(Long.parseLong(options.getOrDefault("drain-seconds", "75")));
		Path jar = Path.of(options.getOrDefault("poller-jar", "poller-service/target/poller-service.jar"));
		Path out = Path.of(options.getOrDefault("out", "bench/results/capture.csv"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		List<String> rows = new ArrayList<>(List.of(HEADER));
		for (CapturePoint point : points) {
			String row = runPoint(point, generation, drain, jar);
			rows.add(row);
			System.out.println(row);
			Files.write(out, rows);
		}
		System.out.println("Wrote " + out);
	}

	/**
	 * The points to run.
	 * @param selection {@code full}, {@code quick}, or the numbers of some of the full
	 * run's points, counted from 1 in its order (such as {@code 3,7})
	 * @return the points
	 */
	static List<CapturePoint> points(String selection) {
		if ("full".equals(selection)) {
			return fullPoints();
		}
		if ("quick".equals(selection)) {
			return quickPoints();
		}
		List<CapturePoint> full = fullPoints();
		List<CapturePoint> chosen = new ArrayList<>();
		for (String number : selection.split(",")) {
			int index;
			try {
				index = Integer.parseInt(number.trim());
			}
			catch (NumberFormatException ex) {
				index = 0;
			}
			if (index < 1 || index > full.size()) {
				throw new IllegalArgumentException("--points takes full, quick or numbers from 1 to " + full.size()
						+ " (the full run's points in order), was '" + selection + "'");
			}
			chosen.add(full.get(index - 1));
		}
		return chosen;
	}

	/** The points of issue 9's benchmark. */
	static List<CapturePoint> fullPoints() {
		List<CapturePoint> points = new ArrayList<>();
		for (double other : List.of(20.0, 50.0, 100.0, 150.0)) {
			points.add(CapturePoint.split(1, 200, other));
		}
		points.add(CapturePoint.split(1, 100, 50));
		points.add(CapturePoint.split(1, 400, 50));
		points.add(CapturePoint.split(2, 200, 100));
		for (double other : List.of(50.0, 150.0)) {
			points.add(CapturePoint.split(3, 400, other));
			points.add(CapturePoint.app(400, other));
		}
		points.add(CapturePoint.split(1, 200, 50).pacing("poll-interval"));
		points.add(CapturePoint.classic(1, 20));
		return points;
	}

	static List<CapturePoint> quickPoints() {
		return List.of(CapturePoint.split(1, 200, 50), CapturePoint.split(2, 200, 100));
	}

	private static String runPoint(CapturePoint point, Duration generation, Duration drain, Path jar)
			throws IOException {
		Path work = Files.createTempDirectory("capture-");
		List<String> tokens = IntStream.rangeClosed(1, point.tokens()).mapToObj((i) -> "bench-token-" + i).toList();
		FirehoseSettings.Builder settings = FirehoseSettings.builder().tokens(tokens);
		if (point.split()) {
			settings.feed(FeedMode.SPLIT).pushRate(point.pushRate()).otherRate(point.otherRate());
		}
		else {
			settings.eventsPerSecond(point.pushRate());
		}
		Path key = work.resolve("app.pem");
		if (point.app()) {
			settings.app(4242, 4343).appPrivateKeyOut(key);
		}
		int redisPort = BenchProcesses.freePort();
		Process redis = null;
		Process poller = null;
		LettuceConnectionFactory connections = null;
		try (Firehose firehose = Firehose.start(settings.build())) {
			redis = BenchProcesses.redis(redisPort, work);
			Map<String, String> environment = new LinkedHashMap<>();
			environment.put("GITHUB_API_URL", firehose.url());
			environment.put("GITHUB_TOKENS", String.join(",", tokens));
			if (point.app()) {
				environment.put("GITHUB_APP_ID", "4242");
				environment.put("GITHUB_APP_INSTALLATION_ID", "4343");
				environment.put("GITHUB_APP_PRIVATE_KEY", key.toString());
			}
			environment.put("POLLER_PACING", point.pacing());
			environment.put("REDIS_URL", "redis://127.0.0.1:" + redisPort);
			environment.put("SERVER_PORT", Integer.toString(BenchProcesses.freePort()));
			environment.put("POLLER_INSTANCE_ID", "capture-bench");
			Path log = work.resolve("poller.log");
			System.out.println(point + ": poller log " + log);
			poller = BenchProcesses.javaJar(jar, environment, log);
			Instant joinedAt = awaitFirstRequest(firehose, poller);
			BenchProcesses.sleep(generation);
			firehose.stopGenerating();
			BenchProcesses.sleep(drain);
			connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redisPort));
			connections.afterPropertiesSet();
			connections.start();
			return measure(point, firehose, new ReactiveStringRedisTemplate(connections), joinedAt);
		}
		finally {
			BenchProcesses.stop(poller);
			if (connections != null) {
				connections.destroy();
			}
			BenchProcesses.stop(redis);
		}
	}

	private static String measure(CapturePoint point, Firehose firehose, ReactiveStringRedisTemplate redis,
			Instant joinedAt) {
		Set<Long> stored = StoredIds.read(redis);
		Map<String, Long> estimated = missedEstimates(redis);
		StreamResult other = point.split() ? result(firehose, FeedStream.OTHER, stored, joinedAt) : StreamResult.NONE;
		StreamResult push = result(firehose, point.split() ? FeedStream.PUSH : FeedStream.ALL, stored, joinedAt);
		long pushEstimate = point.split() ? estimated.getOrDefault("p1", 0L)
				: estimated.values().stream().mapToLong(Long::longValue).sum();
		long otherEstimate = estimated.getOrDefault("p2-3", 0L);
		long requests = 0;
		long charged = 0;
		long refusedSpent = 0;
		for (RequestCount count : firehose.requestCounts()) {
			if (!RecordedRequest.EVENTS.equals(count.path())) {
				continue;
			}
			requests += count.count();
			charged += (count.status() == 200 || count.status() == 422) ? count.count() : 0;
			refusedSpent += (count.status() == 403 || count.status() == 429) ? count.count() : 0;
		}
		refusedSpent -= firehose.secondaryLimitsProvoked() + firehose.secondaryLimitsInjected();
		int maxPerMinute = firehose.maxRequestsPerSecondaryWindow()
			.values()
			.stream()
			.mapToInt(Integer::intValue)
			.max()
			.orElse(0);
		double pushBest = point.split() ? point.bestPushShare()
				: Math.min(1, point.requestsPerSecond() * 100 / point.pushRate());
		return String.format(Locale.ROOT,
				"%s,%s,%s,%.0f,%.0f,%d,%d,%.4f,%.4f,%d,%d,%.4f,%.4f,%.3f,%d,%d,%s,%d,%d,%d,%d,%d,%d,%d", point.budget(),
				point.pacing(), point.split() ? "split" : "classic", point.pushRate(), point.otherRate(),
				other.visible(), other.stored(), other.share(), point.split() ? point.bestOtherShare() : 0.0,
				push.visible(), push.stored(), push.share(), pushBest, push.share() / pushBest, push.missed(),
				pushEstimate, error(pushEstimate, push.missed()), other.missed(), otherEstimate, requests, charged,
				Math.max(0, refusedSpent), firehose.secondaryLimitsProvoked(), maxPerMinute);
	}

	/** The estimate's error relative to the truth, or "n/a" when nothing was missed. */
	private static String error(long estimated, long truth) {
		if (truth == 0) {
			return (estimated == 0) ? "0" : "n/a";
		}
		return String.format(Locale.ROOT, "%.3f", (estimated - truth) / (double) truth);
	}

	/** What was stored of the events that became visible once the poller had joined. */
	private static StreamResult result(Firehose firehose, FeedStream stream, Set<Long> stored, Instant joinedAt) {
		List<StreamLedger.Entry> visible = firehose.ledger(stream)
			.entries()
			.stream()
			.filter((entry) -> entry.visibleAt() != null && !entry.visibleAt().isBefore(joinedAt))
			.toList();
		long kept = visible.stream().filter((entry) -> stored.contains(entry.id())).count();
		return new StreamResult(visible.size(), (int) kept);
	}

	/**
	 * The poller's estimates of events missed, by stream id ({@code p1}, {@code p2-3}).
	 */
	private static Map<String, Long> missedEstimates(ReactiveStringRedisTemplate redis) {
		Map<String, Long> missed = new LinkedHashMap<>();
		redis.opsForHash().entries(EventStoreKeys.defaults().captureTotals()).toStream().forEach((entry) -> {
			String field = (String) entry.getKey();
			if (field.endsWith(":missed")) {
				missed.put(field.substring(0, field.indexOf(':')), Long.parseLong((String) entry.getValue()));
			}
		});
		return missed;
	}

	/** Waits for the poller's first request to the feed, and tells when it came. */
	private static Instant awaitFirstRequest(Firehose firehose, Process poller) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		while (true) {
			List<RecordedRequest> requests = firehose.requests();
			if (!requests.isEmpty()) {
				return requests.get(0).receivedAt();
			}
			if (!poller.isAlive() || Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("The poller did not poll within 90 s; see its log");
			}
			BenchProcesses.sleep(Duration.ofMillis(100));
		}
	}

	/** What the poller stored of one stream. */
	private record StreamResult(int visible, int stored) {

		static final StreamResult NONE = new StreamResult(0, 0);

		double share() {
			return (this.visible > 0) ? (double) this.stored / this.visible : 0;
		}

		int missed() {
			return this.visible - this.stored;
		}

	}

}
