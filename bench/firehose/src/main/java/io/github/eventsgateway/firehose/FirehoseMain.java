package io.github.eventsgateway.firehose;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.eventsgateway.firehose.capture.CaptureBenchmark;
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
			case "capture" -> CaptureBenchmark.run(options);
			default -> {
				System.err.println(usage());
				System.exit(2);
			}
		}
	}

	private static void serve(Map<String, String> options) throws InterruptedException {
		Firehose firehose = Firehose.start(settings(options).build());
		Runtime.getRuntime().addShutdownHook(new Thread(firehose::close));
		FirehoseSettings settings = firehose.settings();
		if (settings.feed() == FeedMode.SPLIT) {
			System.out.println("Firehose on " + firehose.url() + "/events, split feed: push stream (page 1) at "
					+ settings.split().pushRate() + " events/s, other stream (pages 2-3) at "
					+ settings.split().otherRate() + " events/s");
		}
		else {
			System.out.println("Firehose on " + firehose.url() + "/events at " + settings.eventsPerSecond()
					+ " events/s (classic feed)");
		}
		AppSettings app = settings.app();
		if (app.enabled()) {
			System.out.println("GitHub App " + app.appId() + ", installation " + app.installationId()
					+ ((app.privateKeyOut() != null) ? ", private key in " + app.privateKeyOut() : ""));
		}
		System.out.println("Ledger: " + firehose.url() + "/_ledger");
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
		splitFeed(settings, options);
		secondaryLimit(settings, options);
		app(settings, options);
		return settings;
	}

	private static void splitFeed(FirehoseSettings.Builder settings, Map<String, String> options) {
		SplitFeedSettings defaults = SplitFeedSettings.DEFAULTS;
		settings.feed(FeedMode.valueOf(options.getOrDefault("feed", "classic").toUpperCase(Locale.ROOT)));
		settings.pushRate(number(options, "push-rate", defaults.pushRate()));
		settings.otherRate(number(options, "other-rate", defaults.otherRate()));
		settings.visibilityDelays(duration(options, "visibility-delay-min", defaults.visibilityDelayMin()),
				duration(options, "visibility-delay-max", defaults.visibilityDelayMax()));
		settings.lateEvents(share(options.getOrDefault("late-share", Double.toString(defaults.lateShare()))),
				duration(options, "late-delay-max", defaults.lateDelayMax()));
		settings.surfaceDepth((int) number(options, "surface-depth", defaults.surfaceDepth()));
	}

	private static void secondaryLimit(FirehoseSettings.Builder settings, Map<String, String> options) {
		SecondaryLimitSettings defaults = SecondaryLimitSettings.DEFAULTS;
		settings.secondaryLimit((int) number(options, "secondary-per-minute", defaults.perWindow()),
				duration(options, "secondary-window", defaults.window()));
		settings.secondaryMaxConcurrent((int) number(options, "secondary-max-concurrent", defaults.maxConcurrent()));
		settings.secondaryLimitStatus((int) number(options, "secondary-status", defaults.status()));
	}

	private static void app(FirehoseSettings.Builder settings, Map<String, String> options) {
		AppSettings defaults = AppSettings.NONE;
		settings.app(Long.parseLong(options.getOrDefault("app-id", "0")),
				Long.parseLong(options.getOrDefault("app-installation-id", "0")));
		settings.appTokenLimit((int) number(options, "app-token-limit", defaults.tokenLimit()));
		settings.appTokenLifetime(duration(options, "app-token-lifetime", defaults.tokenLifetime()));
		if (options.containsKey("app-private-key-out")) {
			settings.appPrivateKeyOut(Path.of(options.get("app-private-key-out")));
		}
		if (options.containsKey("app-public-key")) {
			settings.appPublicKey(AppKeys.readPublicKey(Path.of(options.get("app-public-key"))));
		}
	}

	private static double number(Map<String, String> options, String name, double fallback) {
		String value = options.get(name);
		return (value != null) ? Double.parseDouble(value) : fallback;
	}

	private static Duration duration(Map<String, String> options, String name, Duration fallback) {
		String value = options.get(name);
		return (value != null) ? duration(value) : fallback;
	}

	/**
	 * Reads a duration as ISO-8601 ({@code PT10S}) or short ({@code 500ms}, {@code 10s},
	 * {@code 10m}, {@code 1h}; a bare number is seconds).
	 * @param text the duration
	 * @return the duration
	 */
	static Duration duration(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		if (value.startsWith("p")) {
			return Duration.parse(value.toUpperCase(Locale.ROOT));
		}
		if (value.endsWith("ms")) {
			return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
		}
		long unit = switch (value.charAt(value.length() - 1)) {
			case 's' -> 1_000;
			case 'm' -> 60_000;
			case 'h' -> 3_600_000;
			default -> 0;
		};
		if (unit == 0) {
			return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1_000));
		}
		return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * unit));
	}

	/** Reads a share as a fraction ({@code 0.005}) or a percentage ({@code 0.5%}). */
	static double share(String text) {
		String value = text.trim();
		return value.endsWith("%") ? Double.parseDouble(value.substring(0, value.length() - 1)) / 100
				: Double.parseDouble(value);
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
		return String.join("\n", "Usage: java -jar firehose-exec.jar serve|completeness|capture [--name=value ...]",
				"  serve: --port=0 --feed=classic|split --poll-interval=60 --tokens=a,b --token-limit=5000",
				"         --anonymous-limit=60 --rate-limit-window=PT1H --exhausted-status=403 --seed=42",
				"    classic feed: --rate=10 --visibility-delay=PT0S",
				"    split feed:   --push-rate=200 --other-rate=50 --visibility-delay-min=0s --visibility-delay-max=10s",
				"                  --late-share=0.005 --late-delay-max=10m --surface-depth=20",
				"    secondary limit: --secondary-per-minute=900 --secondary-window=60s --secondary-max-concurrent=100",
				"                  --secondary-status=403",
				"    GitHub App:   --app-id=0 (none) --app-installation-id --app-token-limit=15000",
				"                  --app-token-lifetime=1h --app-private-key-out=PATH | --app-public-key=PATH",
				"    faults:       --fault-rate=0 --faults=SERVER_ERROR,TRUNCATED_JSON,SLOW_RESPONSE,CONNECTION_RESET,"
						+ "SECONDARY_RATE_LIMIT --slow-response-delay=PT30S",
				"    durations: PT10S, 10s, 500ms, 10m, 1h; --late-share also as 0.5%",
				"  completeness: " + CompletenessBenchmark.USAGE, "  capture: " + CaptureBenchmark.USAGE);
	}

}
