package io.github.eventsgateway.system.support;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.eventsgateway.firehose.Firehose;
import io.github.eventsgateway.store.testing.RedisServerProcess;

/**
 * Starts the poller and the metrics API as real processes, wired to a test's Redis and
 * GitHub stand-in, with the environment variables an operator would set.
 */
public final class Services {

	private Services() {
	}

	/**
	 * Starts a poller.
	 * @param instance its instance id, also its {@code User-Agent}
	 * @param firehose the GitHub stand-in
	 * @param redis the Redis
	 * @param token its token
	 * @param extra more environment variables (they win)
	 * @return the poller, starting
	 */
	public static JavaService poller(String instance, Firehose firehose, RedisServerProcess redis, String token,
			Map<String, String> extra) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("GITHUB_API_URL", firehose.url());
		environment.put("GITHUB_TOKENS", token);
		environment.put("REDIS_URL", redis.url());
		environment.put("POLLER_INSTANCE_ID", instance);
		environment.put("POLLER_USER_AGENT", instance);
		environment.put("POLLER_PAGES", "3");
		environment.putAll(extra);
		return JavaService.start(instance, ServiceJars.poller(), environment);
	}

	/**
	 * Starts a metrics API replica.
	 * @param name a name for its log
	 * @param redis the Redis
	 * @return the replica, starting
	 */
	public static JavaService metricsApi(String name, RedisServerProcess redis) {
		return metricsApi(name, Map.of("REDIS_URL", redis.url()));
	}

	/**
	 * Starts a metrics API replica with the Redis settings given, such as Sentinel's.
	 * @param name a name for its log
	 * @param environment its environment
	 * @return the replica, starting
	 */
	public static JavaService metricsApi(String name, Map<String, String> environment) {
		return JavaService.start(name, ServiceJars.metricsApi(), environment);
	}

}
