package io.github.eventsgateway.api.status;

import io.github.eventsgateway.api.hot.HotCache;
import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.store.PollerStatus;
import io.github.eventsgateway.store.PollerStatusStore;
import io.github.eventsgateway.store.Versioned;
import reactor.core.publisher.Mono;

/**
 * The poller's status, read once per store version, and kept no longer than the lease it
 * names (which may lapse without any write), for the endpoint and the dashboard stream
 * alike. What depends on now (lag, staleness) is worked out per request.
 */
public final class PollerStatusAnswers {

	private final PollerStatusStore statusStore;

	private final HotCache<String, PollerStatus> answers;

	public PollerStatusAnswers(PollerStatusStore statusStore, HotCaches caches) {
		this.statusStore = statusStore;
		this.answers = caches.newCache();
	}

	/**
	 * What the poller reports of itself.
	 * @return the status
	 */
	public Mono<PollerStatus> current() {
		return currentVersioned().map(Versioned::value);
	}

	/**
	 * What the poller reports of itself, with the store's version it was read at.
	 * @return the status
	 */
	public Mono<Versioned<PollerStatus>> currentVersioned() {
		return this.answers.get("status", this.statusStore::readVersioned);
	}

}
