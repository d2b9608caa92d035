package io.github.eventsgateway.poller.fileimport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.github.eventsgateway.poller.metrics.PollerMetrics;
import io.github.eventsgateway.poller.testing.Fixtures;
import io.github.eventsgateway.store.EventReader;
import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.EventWriter;
import io.github.eventsgateway.store.PollerStatus;
import io.github.eventsgateway.store.PollerStatusStore;
import io.github.eventsgateway.store.testing.SharedRedis;
import io.github.eventsgateway.store.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports of the real GH Archive fixture through the poller's write path into a real
 * Redis.
 */
@SharedRedis
class FileImporterTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");

	private final ReactiveStringRedisTemplate redis;

	private final EventStoreKeys keys;

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final FileImporter importer;

	FileImporterTests(TestRedis testRedis) {
		testRedis.clear();
		this.redis = testRedis.template();
		this.keys = testRedis.keys();
		this.importer = new FileImporter(new EventWriter(this.redis, this.keys, Duration.ofDays(7)),
				new PollerMetrics(this.registry, this.clock), 500, this.clock);
	}

	@Test
	void importsAGzippedGhArchiveFileKeepingItsTimes() {
		FileImporter.ImportSummary summary = this.importer.importFile(Fixtures.path(Fixtures.GH_ARCHIVE_2025), false)
			.block();
		assertThat(summary.read()).isEqualTo(2048);
		assertThat(summary.stored()).isEqualTo(2048);
		assertThat(summary.skippedLines()).isZero();
		assertThat(summary.describe()).contains("2048 events read, 2048 stored, 0 duplicates");
		assertThat(status().newestEventAt()).isEqualTo(Instant.parse("2025-01-01T15:00:38Z"));
		assertThat(new EventReader(this.redis, this.keys).madePublic(50).block()).hasSize(13);
		assertThat(this.registry.get("poller.events.ingested").tag("type", "PublicEvent").counter().count())
			.isEqualTo(13);
		assertThat(this.registry.get("poller.events.ingested").tag("type", "PushEvent").counter().count())
			.isEqualTo(1463);
	}

	@Test
	void importsTheSameFileTwiceWithoutCountingAnEventTwice() {
		Path file = Fixtures.path(Fixtures.GH_ARCHIVE_2025);
		this.importer.importFile(file, false).block();
		FileImporter.ImportSummary again = this.importer.importFile(file, false).block();
		assertThat(again.stored()).isZero();
		assertThat(again.duplicates()).isEqualTo(2048);
		assertThat(status().eventsStored()).isEqualTo(2048);
	}

	@Test
	void replayShiftsEveryEventSoTheNewestLandsAtNow() {
		this.importer.importFile(Fixtures.path(Fixtures.GH_ARCHIVE_2025), true).block();
		assertThat(status().newestEventAt()).isEqualTo(NOW);
		// The file spans 38 seconds: all of it falls in the last minute.
		assertThat(new EventReader(this.redis, this.keys).countByType(NOW.minusSeconds(60), NOW, List.of()).block())
			.containsEntry("PushEvent", 1463L);
	}

	@Test
	void skipsLinesThatHoldNoEvent(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("events.ndjson");
		Files.writeString(file, """
				{"id":"1","type":"PushEvent","repo":{"id":1,"name":"a/b"},"created_at":"2026-11-23T10:00:00Z"}
				this is not json

				{"id":"2","type":"NewFancyEvent","created_at":"2026-11-23T10:00:01Z"}
				{"type":"PushEvent","created_at":"2026-11-23T10:00:02Z"}
				""");
		FileImporter.ImportSummary summary = this.importer.importFile(file, false).block();
		assertThat(summary.read()).isEqualTo(2);
		assertThat(summary.stored()).isEqualTo(2);
		assertThat(summary.skippedLines()).isEqualTo(2);
		assertThat(this.registry.get("poller.events.ingested").tag("type", "NewFancyEvent").counter().count())
			.isEqualTo(1);
	}

	private PollerStatus status() {
		return new PollerStatusStore(this.redis, this.keys).read().block();
	}

}
