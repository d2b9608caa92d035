package io.github.eventsgateway.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The store's version, as every write script moves it on: {@code <counter>-<micros>}, a
 * counter that each write increments and the master's clock at that write in
 * microseconds. The counter orders versions; the clock tells apart two histories that
 * reached the same counter, such as a write lost in a failover and the different write
 * that took its number on the new master. {@code "0"} is the version of an empty store.
 */
public final class StoreVersion {

	/** The version of a store that was never written. */
	public static final String INITIAL = "0";

	private static final Pattern COUNTER = Pattern.compile("^([0-9]{1,18})");

	private final ReactiveStringRedisTemplate redis;

	private final EventStoreKeys keys;

	public StoreVersion(ReactiveStringRedisTemplate redis, EventStoreKeys keys) {
		this.redis = redis;
		this.keys = keys;
	}

	/**
	 * Reads the store's version (a plain {@code GET}, so a Redis replica may answer).
	 * @return the version, {@value #INITIAL} when the store was never written
	 */
	public Mono<String> read() {
		return this.redis.opsForValue().get(this.keys.version()).defaultIfEmpty(INITIAL);
	}

	/**
	 * The counter part of a version, which orders versions of one history.
	 * @param version a version
	 * @return its counter, or -1 when it is not a version
	 */
	public static long counter(String version) {
		Matcher matcher = COUNTER.matcher(version);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
	}

}
