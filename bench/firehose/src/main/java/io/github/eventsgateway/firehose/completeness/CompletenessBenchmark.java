package io.github.eventsgateway.firehose.completeness;

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

import io.github.eventsgateway.firehose.Firehose;
import io.github.eventsgateway.firehose.FirehoseMain;
import io.github.eventsgateway.firehose.FirehoseSettings;
import io.github.eventsgateway.firehose.RecordedRequest;
import io.github.eventsgateway.firehose.StoredIds;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * How much of the firehose reaches Redis as its rate grows. For each number of tokens it
 * starts a fresh Redis, the stand-in and the real poller (its executable jar), then runs
 * one phase per rate: generate for a while, stop, let the poller drain, and compare the
 * ids generated in the phase with the ids stored.
 *
 * <p>
 * Time is compressed: the stand-in sends {@code X-Poll-Interval: 1} and every budget
 * resets each minute, so one second here stands for GitHub's minute, and the proportions
 * that matter (events per poll interval against the 300-event window, requests per poll
 * against the budget) are GitHub's.
 */
public final class CompletenessBenchmark {

	/** The options, for the command line's usage. */
	public static final String USAGE = "--rates=10,25,50,100,200,300,400,500,700,1000 --tokens=1,3 --seconds=20"
			+ " --poller-jar=poller-service/target/poller-service.jar --out=bench/results/completeness.csv";

	private CompletenessBenchmark() {
	}

	public static void run(Map<String, String> options) throws IOException {
		List<Double> rates = numbers(options.getOrDefault("rates", "10,25,50,100,200,300,400,500,700,1000"));
		List<Double> tokenCounts = numbers(options.getOrDefault("tokens", "1,3"));
		Duration phase = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
		Path jar = Path.of(options.getOrDefault("poller-jar", "poller-service/target/poller-service.jar"));
		Path out = Path.of(options.getOrDefault("out", "bench/results/completeness.csv"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		List<String> rows = new ArrayList<>();
		rows.add("tokens,rate,events_per_poll_interval,generated,served,stored,share_stored,requests,"
				+ "charged_requests,requests_per_stored_event");
		for (double tokens : tokenCounts) {
			rows.addAll(runWithTokens((int) tokens, rates, phase, jar, options));
			Files.write(out, rows);
		}
		System.out.println("Wrote " + out);
		rows.forEach(System.out::println);
	}

	private static List<String> runWithTokens(int tokens, List<Double> rates, Duration phase, Path jar,
			Map<String, String> options) throws IOException {
		Path work = Files.createTempDirectory("completeness-");
		List<String> tokenValues = IntStream.rangeClosed(1, tokens).mapToObj((i) -> "bench-token-" + i).toList();
		Map<String, String> firehoseOptions = new LinkedHashMap<>(options);
		firehoseOptions.putIfAbsent("poll-interval", "1");
		firehoseOptions.putIfAbsent("rate-limit-window", "PT60S");
		firehoseOptions.put("rate", "0");
		FirehoseSettings settings = FirehoseMain.settings(firehoseOptions).tokens(tokenValues).build();
		int redisPort = BenchProcesses.freePort();
		Process redis = null;
		Process poller = null;
		LettuceConnectionFactory connections = null;
		try (Firehose firehose = Firehose.startPaused(settings)) {
			redis = BenchProcesses.redis(redisPort, work);
			Map<String, String> environment = new LinkedHashMap<>();
			environment.put("GITHUB_API_URL", firehose.url());
			environment.put("GITHUB_TOKENS", String.join(",", tokenValues));
			environment.put("REDIS_URL", "redis://127.0.0.1:" + redisPort);
			environment.put("SERVER_PORT", Integer.toString(BenchProcesses.freePort()));
			environment.put("POLLER_INSTANCE_ID", "completeness-bench");
			environment.put("POLLER_PAGES", "3");
			Path log = work.resolve("poller.log");
			System.out.println("Poller log: " + log);
			poller = BenchProcesses.javaJar(jar, environment, log);
			awaitFirstRequest(firehose, poller);
			firehose.startGenerating();
			connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redisPort));
			connections.afterPropertiesSet();
			connections.start();
			ReactiveStringRedisTemplate template = new ReactiveStringRedisTemplate(connections);
			List<String> rows = new ArrayList<>();
			for (double rate : rates) {
				rows.add(phase(firehose, template, tokens, rate, phase));
				System.out.println(rows.get(rows.size() - 1));
			}
			return rows;
		}
		finally {
			BenchProcesses.stop(poller);
			if (connections != null) {
				connections.destroy();
			}
			BenchProcesses.stop(redis);
		}
	}

	private static String phase(Firehose firehose, ReactiveStringRedisTemplate redis, int tokens, double rate,
			Duration length) {
		int firstIndex = firehose.generatedCount();
		Instant startedAt = Instant.now();
		firehose.eventsPerSecond(rate);
		BenchProcesses.sleep(length);
		firehose.eventsPerSecond(0);
		List<Long> generated = firehose.generatedIds();
		generated = generated.subList(firstIndex, generated.size());
		// a few poll intervals for the poller to fetch and store what is still visible
		BenchProcesses.sleep(Duration.ofSeconds(4L * firehose.settings().pollIntervalSeconds() + 2));
		Instant endedAt = Instant.now();
		Set<Long> stored = StoredIds.read(redis);
		Set<Long> served = firehose.servedIds();
		long storedCount = generated.stream().filter(stored::contains).count();
		long servedCount = generated.stream().filter(served::contains).count();
		List<RecordedRequest> requests = firehose.requests()
			.stream()
			.filter((request) -> !request.receivedAt().isBefore(startedAt) && request.receivedAt().isBefore(endedAt))
			.toList();
		long charged = requests.stream().filter(RecordedRequest::spentBudget).count();
		double share = generated.isEmpty() ? 0 : (double) storedCount / generated.size();
		double perStored = (storedCount > 0) ? (double) charged / storedCount : Double.NaN;
		return String.format(Locale.ROOT, "%d,%.0f,%.0f,%d,%d,%d,%.4f,%d,%d,%.4f", tokens, rate,
				rate * firehose.settings().pollIntervalSeconds(), generated.size(), servedCount, storedCount, share,
				requests.size(), charged, perStored);
	}

	private static void awaitFirstRequest(Firehose firehose, Process poller) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (firehose.requests().isEmpty()) {
			if (!poller.isAlive() || Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("The poller did not poll within 60 s; see its log");
			}
			BenchProcesses.sleep(Duration.ofMillis(100));
		}
	}

	private static List<Double> numbers(String commaSeparated) {
		List<Double> numbers = new ArrayList<>();
		for (String item : commaSeparated.split(",")) {
			if (!item.isBlank()) {
				numbers.add(Double.parseDouble(item.trim()));
			}
		}
		return numbers;
	}

}
