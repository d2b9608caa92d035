package io.github.eventsgateway.store;

import java.time.Instant;
import java.util.Map;

/**
 * What one ingest did.
 *
 * @param stored events new to the store
 * @param duplicates events stored before (by this or any poller), so not counted again
 * @param expired events older than the retention, so not stored
 * @param newestEventAt the newest created_at now stored, or {@code null} when none is
 * @param storedByType the new events by type
 */
public record IngestResult(int stored, int duplicates, int expired, Instant newestEventAt,
		Map<String, Integer> storedByType) {

	/** The result of ingesting nothing. */
	public static IngestResult empty() {
		return new IngestResult(0, 0, 0, null, Map.of());
	}

	/**
	 * Whether some event of the batch was stored before: the batch overlaps the store.
	 */
	public boolean overlapsStore() {
		return this.duplicates > 0;
	}

}
