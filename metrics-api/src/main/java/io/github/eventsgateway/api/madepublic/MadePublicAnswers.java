package io.github.eventsgateway.api.madepublic;

import java.util.List;

import io.github.eventsgateway.api.hot.HotCache;
import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.store.EventReader;
import io.github.eventsgateway.store.MadePublicRepo;
import io.github.eventsgateway.store.Versioned;
import reactor.core.publisher.Mono;

/**
 * The repositories made public last, read and parsed once per limit and store version,
 * for the endpoint and the dashboard stream alike.
 */
public final class MadePublicAnswers {

	private final EventReader reader;

	private final HotCache<Integer, List<MadePublicRepo>> answers;

	public MadePublicAnswers(EventReader reader, HotCaches caches) {
		this.reader = reader;
		this.answers = caches.newCache();
	}

	/**
	 * The repositories made public, newest first.
	 * @param limit how many at most
	 * @return the repositories
	 */
	public Mono<List<MadePublicRepo>> latest(int limit) {
		return latestVersioned(limit).map(Versioned::value);
	}

	/**
	 * The repositories made public, newest first, with the store's version.
	 * @param limit how many at most
	 * @return the repositories
	 */
	public Mono<Versioned<List<MadePublicRepo>>> latestVersioned(int limit) {
		return this.answers.get(limit, () -> this.reader.madePublicVersioned(limit));
	}

}
