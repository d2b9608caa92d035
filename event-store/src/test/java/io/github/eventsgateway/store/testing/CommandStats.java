package io.github.eventsgateway.store.testing;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * How many times a Redis server ran each command, from {@code INFO commandstats}, to tell
 * which node served what and how many commands a workload cost.
 */
public final class CommandStats {

	private static final Pattern CALLS = Pattern.compile("^cmdstat_([a-z_|-]+):calls=([0-9]+)", Pattern.MULTILINE);

	private CommandStats() {
	}

	/**
	 * Reads the calls per command of a server (the {@code INFO} itself is not counted).
	 * @param port the server's port on 127.0.0.1
	 * @return calls per lower-case command name, such as {@code evalsha_ro}
	 */
	public static Map<String, Long> of(int port) {
		RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return parse(connection.sync().info("commandstats"));
		}
		finally {
			client.shutdown();
		}
	}

	/**
	 * Parses the text of {@code INFO commandstats}.
	 * @param info the text
	 * @return calls per lower-case command name; {@code info} itself left out
	 */
	public static Map<String, Long> parse(String info) {
		Map<String, Long> calls = new TreeMap<>();
		Matcher matcher = CALLS.matcher(info);
		while (matcher.find()) {
			if (!matcher.group(1).equals("info")) {
				calls.put(matcher.group(1), Long.parseLong(matcher.group(2)));
			}
		}
		return calls;
	}

	/**
	 * The commands run between two readings.
	 * @param before the earlier reading
	 * @param after the later reading
	 * @return how many commands were run in between
	 */
	public static long between(Map<String, Long> before, Map<String, Long> after) {
		long total = 0;
		for (Map.Entry<String, Long> entry : after.entrySet()) {
			total += entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
		}
		return total;
	}

	/**
	 * How many scripts ran.
	 * @param calls the calls per command ({@link #of})
	 * @return the calls of {@code EVAL}, {@code EVALSHA} and their read-only forms
	 */
	public static long scripts(Map<String, Long> calls) {
		return calls.getOrDefault("evalsha_ro", 0L) + calls.getOrDefault("eval_ro", 0L)
				+ calls.getOrDefault("evalsha", 0L) + calls.getOrDefault("eval", 0L);
	}

}
