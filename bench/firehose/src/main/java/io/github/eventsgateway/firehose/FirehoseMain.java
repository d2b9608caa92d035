package io.github.eventsgateway.firehose;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.eventsgateway.firehose.completeness.CompletenessBenchmark;

/**
 * The command line: {@code serve} runs the stand-in until stopped, {@code completeness}
 * runs the completeness benchmark. Options are {@code --name=value}; see
 * {@link #usage()}.
 */
public final class FirehoseMain {

	private FirehoseMain() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0 || args[0].equals("--help")) {
			System.out.println(usage());
			return;
		}
		Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
		switch (args[0]) {
			case "serve" -> serve(options);
			case "completeness" -> CompletenessBenchmark.run(options);
			default -> {
				System.err.println(usage());
				System.exit(2);
			}
		}
	}

	private static void serve(Map<String, String> options) throws InterruptedException {
		Firehose firehose = Firehose.start(settings(options).build());
		Runtime.getRuntime().addShutdownHook(new Thread(firehose::close));
		System.out.println(
				"Firehose on " + firehose.url() + "/events at " + firehose.settings().eventsPerSecond() + " events/s");
		Thread.currentThread().join();
	}

	/**
	 * Reads the stand-in's settings from options, GitHub's defaults for the rest.
	 * @param options the options, by name without the dashes
	 * @return the settings
	 */
	public static FirehoseSettings.Builder settings(Map<String, String> options) {
		FirehoseSettings.Builder settings = FirehoseSettings.builder();
		settings.port(Integer.parseInt(options.getOrDefault("port", "0")));
		settings.eventsPerSecond(Double.parseDouble(options.getOrDefault("rate", "10")));
		settings.visibilityDelay(Duration.parse(options.getOrDefault("visibility-delay", "PT0S")));
		settings.pollIntervalSeconds(Integer.parseInt(options.getOrDefault("poll-interval", "60")));
		settings.tokens(list(options.getOrDefault("tokens", "")));
		settings.tokenLimit(Integer.parseInt(options.getOrDefault("token-limit", "5000")));
		settings.anonymousLimit(Integer.parseInt(options.getOrDefault("anonymous-limit", "60")));
		settings.rateLimitWindow(Duration.parse(options.getOrDefault("rate-limit-window", "PT1H")));
		settings.exhaustedStatus(Integer.parseInt(options.getOrDefault("exhausted-status", "403")));
		settings.faultRate(Double.parseDouble(options.getOrDefault("fault-rate", "0")));
		if (options.containsKey("faults")) {
			Set<Fault> faults = EnumSet.noneOf(Fault.class);
			list(options.get("faults")).forEach((name) -> faults.add(Fault.valueOf(name)));
			settings.faults(faults);
		}
		settings.slowResponseDelay(Duration.parse(options.getOrDefault("slow-response-delay", "PT30S")));
		settings.seed(Long.parseLong(options.getOrDefault("seed", "42")));
		return settings;
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("Options look like --name=value, not '" + arg + "'");
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		return options;
	}

	static List<String> list(String commaSeparated) {
		return Arrays.stream(commaSeparated.split(","))
			.map(String::trim)
			.filter((item) -> !item.isEmpty())
			.collect(Collectors.toList());
	}

	static String usage() {
		return String.join("\n", "Usage: java -jar firehose-exec.jar serve|completeness [--name=value ...]",
				"  serve: --port=0 --rate=10 --visibility-delay=PT0S --poll-interval=60 --tokens=a,b",
				"         --token-limit=5000 --anonymous-limit=60 --rate-limit-window=PT1H --exhausted-status=403",
				"         --fault-rate=0 --faults=SERVER_ERROR,TRUNCATED_JSON,SLOW_RESPONSE,CONNECTION_RESET,"
						+ "SECONDARY_RATE_LIMIT --slow-response-delay=PT30S --seed=42",
				"  completeness: " + CompletenessBenchmark.USAGE);
	}

}
