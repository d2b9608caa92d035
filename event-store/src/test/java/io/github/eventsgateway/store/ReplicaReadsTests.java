package io.github.eventsgateway.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.eventsgateway.store.testing.CommandStats;
import io.github.eventsgateway.store.testing.RedisServerProcess;
import io.github.eventsgateway.store.testing.RedisTemplates;
import io.lettuce.core.ReadFrom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStaticMasterReplicaConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With Lettuce told to read from replicas, every read script runs on the replica and
 * every write on the master. A master and its replica ({@code --replicaof}) of its own,
 * as the shared server has no replica.
 */
class ReplicaReadsTests {

	private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

	private final RedisServerProcess master = RedisServerProcess.start();

	private final RedisServerProcess replica = RedisServerProcess.start("--replicaof", "127.0.0.1",
			Integer.toString(this.master.port()));

	private final LettuceConnectionFactory masterOnly = RedisTemplates.connectionFactory(this.master);

	private final LettuceConnectionFactory readFromReplica = replicaReading();

	@AfterEach
	void stop() {
		this.readFromReplica.destroy();
		this.masterOnly.destroy();
		this.replica.close();
		this.master.close();
	}

	@Test
	void runsReadScriptsOnTheReplicaAndWritesOnTheMaster() throws InterruptedException {
		ReactiveStringRedisTemplate redis = RedisTemplates.template(this.readFromReplica);
		EventStoreKeys keys = EventStoreKeys.defaults();
		new EventWriter(redis, keys, Duration.ofDays(7))
			.ingest(List.of(new GitHubEvent("1", "PushEvent", 1L, "o/r", "someone", T0, null)))
			.block(Duration.ofSeconds(5));
		String version = new StoreVersion(RedisTemplates.template(this.masterOnly), keys).read()
			.block(Duration.ofSeconds(5));
		awaitReplicated(keys, version);

		EventReader reader = new EventReader(redis, keys);
		Versioned<Map<String, Long>> counts = reader.countByTypeVersioned(T0.minusSeconds(60), T0, List.of())
			.block(Duration.ofSeconds(5));
		assertThat(counts.value()).containsEntry("PushEvent", 1L);
		assertThat(counts.version()).isEqualTo(version);
		reader.timelineVersioned(T0.minusSeconds(60), Duration.ofMinutes(1), 1, List.of()).block(Duration.ofSeconds(5));
		reader.madePublicVersioned(10).block(Duration.ofSeconds(5));
		reader.pullRequestsOpenedVersioned("o/r").block(Duration.ofSeconds(5));
		new PollerStatusStore(redis, keys).readVersioned().block(Duration.ofSeconds(5));

		assertThat(scriptCalls(this.replica)).containsKeys("evalsha_ro").doesNotContainKeys("evalsha", "eval");
		assertThat(scriptCalls(this.master)).containsKeys("evalsha").doesNotContainKeys("evalsha_ro", "eval_ro");
	}

	private LettuceConnectionFactory replicaReading() {
		RedisStaticMasterReplicaConfiguration nodes = new RedisStaticMasterReplicaConfiguration("127.0.0.1",
				this.master.port());
		nodes.addNode("127.0.0.1", this.replica.port());
		LettuceConnectionFactory factory = new LettuceConnectionFactory(nodes,
				LettuceClientConfiguration.builder().readFrom(ReadFrom.REPLICA).build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	private void awaitReplicated(EventStoreKeys keys, String version) {
		LettuceConnectionFactory direct = RedisTemplates.connectionFactory(this.replica);
		try {
			StoreVersion onReplica = new StoreVersion(RedisTemplates.template(direct), keys);
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(50))
				.untilAsserted(() -> assertThat(onReplica.read().block(Duration.ofSeconds(5))).isEqualTo(version));
		}
		finally {
			direct.destroy();
		}
	}

	private static Map<String, Long> scriptCalls(RedisServerProcess server) {
		return CommandStats.of(server.port());
	}

}
