package io.github.eventsgateway.system.support;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.eventsgateway.firehose.Firehose;

/**
 * Starts the poller and the metrics API as real processes, wired to a test's store and
 * GitHub stand-in, with the environment variables an operator would set.
 */
public final class Services {

	private Services() {
	}

	/**
	 * Starts a poller.
	 * @param instance its instance id, also its {@code User-Agent}
	 * @param firehose the GitHub stand-in
	 * @param store the Redis and namespace
	 * @param token its token
	 * @param extra more environment variables (they win)
	 * @return the poller, starting
	 */
	public static JavaService poller(String instance, Firehose firehose, RedisStore store, String token,
			Map<String, String> extra) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("GITHUB_API_URL", firehose.url());
		environment.put("GITHUB_TOKENS", token);
		environment.putAll(store.environment());
		environment.put("POLLER_INSTANCE_ID", instance);
		environment.put("POLLER_USER_AGENT", instance);
		environment.put("POLLER_PAGES", "3");
		environment.putAll(extra);
		return JavaService.start(instance, ServiceJars.poller(), environment);
	}

	/**
	 * Starts a metrics API replica.
	 * @param name a name for its log
	 * @param store the Redis and namespace
	 * @return the replica, starting
	 */
	public static JavaService metricsApi(String name, RedisStore store) {
		return metricsApi(name, store.environment());
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
