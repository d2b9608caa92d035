package io.github.eventsgateway.store;

import java.util.Map;

/**
 * Event counts by type, with the version of the store they were counted at.
 *
 * @param version the store's version: it changes whenever an event is stored
 * @param counts the count of each type, or {@code null} when the caller's answer of the
 * same version still holds
 */
public record VersionedCounts(String version, Map<String, Long> counts) {

	/** Whether the caller's answer still holds and nothing was counted. */
	public boolean unchanged() {
		return this.counts == null;
	}

}
