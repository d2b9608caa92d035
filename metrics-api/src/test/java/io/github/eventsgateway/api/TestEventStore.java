package io.github.eventsgateway.api;

import java.time.Duration;
import java.util.List;

import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.EventWriter;
import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.PollerLease;
import io.github.eventsgateway.store.PollerReport;
import io.github.eventsgateway.store.PollerStatusStore;
import io.github.eventsgateway.store.testing.GitHubJson;
import io.github.eventsgateway.store.testing.RedisServerProcess;
import io.github.eventsgateway.store.testing.RedisTemplates;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Fills a test's Redis the way the poller does: pages of events (read with plain Jackson)
 * stored through its {@link EventWriter}.
 */
final class TestEventStore implements AutoCloseable {

	/** Long enough that no fixture event, however old, is trimmed. */
	static final Duration RETENTION = Duration.ofDays(365 * 20);

	private final LettuceConnectionFactory connectionFactory;

	private final ReactiveStringRedisTemplate redis;

	private final EventWriter writer;

	TestEventStore(RedisServerProcess server) {
		this.connectionFactory = RedisTemplates.connectionFactory(server);
		this.redis = RedisTemplates.template(this.connectionFactory);
		this.writer = new EventWriter(this.redis, EventStoreKeys.defaults(), RETENTION);
	}

	/** Stores pages of raw event JSON arrays. */
	void ingestPages(List<byte[]> pages) {
		for (byte[] page : pages) {
			ingest(GitHubJson.readArray(page));
		}
	}

	void ingest(List<GitHubEvent> events) {
		this.writer.ingest(events).block(Duration.ofSeconds(30));
	}

	/** Reports a poller status as the lease holder {@code instanceId} would. */
	void reportStatus(String instanceId, PollerReport report) {
		String token = new PollerLease(this.redis, EventStoreKeys.defaults())
			.acquireOrRenew(instanceId, Duration.ofMinutes(5))
			.block(Duration.ofSeconds(10));
		new PollerStatusStore(this.redis, EventStoreKeys.defaults()).update(token, report)
			.block(Duration.ofSeconds(10));
	}

	void flushAll() {
		this.redis.execute((connection) -> connection.serverCommands().flushAll()).blockLast(Duration.ofSeconds(10));
	}

	@Override
	public void close() {
		this.connectionFactory.destroy();
	}

}
