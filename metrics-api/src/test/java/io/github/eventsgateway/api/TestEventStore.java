package io.github.eventsgateway.api;

import java.time.Duration;
import java.util.List;

import io.github.eventsgateway.store.CaptureRecord;
import io.github.eventsgateway.store.EventReader;
import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.EventWriter;
import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.PollerLease;
import io.github.eventsgateway.store.PollerReport;
import io.github.eventsgateway.store.PollerStatusStore;
import io.github.eventsgateway.store.testing.GitHubJson;
import io.github.eventsgateway.store.testing.RedisServerProcess;
import io.github.eventsgateway.store.testing.RedisTemplates;
import io.github.eventsgateway.store.testing.TestRedis;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.util.Assert;

/**
 * Fills a test's Redis the way the poller does: pages of events (read with plain Jackson)
 * stored through its {@link EventWriter}.
 */
final class TestEventStore implements AutoCloseable {

	/** Long enough that no fixture event, however old, is trimmed. */
	static final Duration RETENTION = Duration.ofDays(365 * 20);

	/**
	 * The connection of its own to a test's own server, {@code null} on the shared one.
	 */
	private final LettuceConnectionFactory connectionFactory;

	private final ReactiveStringRedisTemplate redis;

	private final EventStoreKeys keys;

	private final EventWriter writer;

	private final TestRedis testRedis;

	/** The default namespace of a test's own server. */
	TestEventStore(RedisServerProcess server) {
		this.connectionFactory = RedisTemplates.connectionFactory(server);
		this.redis = RedisTemplates.template(this.connectionFactory);
		this.keys = EventStoreKeys.defaults();
		this.writer = new EventWriter(this.redis, this.keys, RETENTION);
		this.testRedis = null;
	}

	/** A namespace of the shared server. */
	TestEventStore(TestRedis testRedis) {
		this.connectionFactory = null;
		this.redis = testRedis.template();
		this.keys = testRedis.keys();
		this.writer = new EventWriter(this.redis, this.keys, RETENTION);
		this.testRedis = testRedis;
	}

	/**
	 * The namespace that the Spring contexts of {@code @SharedRedis} classes share (they
	 * leave {@code gateway.store.namespace} as it is).
	 * @param testRedis the test class's view of the shared server
	 * @return the store of that namespace
	 */
	static TestEventStore ofSharedContexts(TestRedis testRedis) {
		return new TestEventStore(testRedis.inNamespace(EventStoreKeys.DEFAULT_NAMESPACE));
	}

	/** Reads the store directly, as no replica's kept answers do. */
	EventReader reader() {
		return new EventReader(this.redis, this.keys);
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
		new PollerStatusStore(this.redis, this.keys).update(lease(instanceId), report).block(Duration.ofSeconds(10));
	}

	/**
	 * Stores what one read of a stream brought, as the lease holder {@code instanceId}
	 * does: the events, with what the read tells about the stream's completeness.
	 */
	void ingestRead(String instanceId, List<GitHubEvent> events, CaptureRecord capture) {
		this.writer.ingest(events, lease(instanceId), capture).block(Duration.ofSeconds(10));
	}

	/** Takes the poller lease for {@code instanceId}, or renews it: its fencing token. */
	private String lease(String instanceId) {
		return new PollerLease(this.redis, this.keys).acquireOrRenew(instanceId, Duration.ofMinutes(5))
			.block(Duration.ofSeconds(10));
	}

	/** Empties the store's namespace on the shared server. */
	void clear() {
		Assert.state(this.testRedis != null, "Only a namespace of the shared server is emptied");
		this.testRedis.clear();
	}

	@Override
	public void close() {
		if (this.connectionFactory != null) {
			this.connectionFactory.destroy();
		}
	}

}
