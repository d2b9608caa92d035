package io.github.eventsgateway.api.madepublic;

import java.time.Instant;
import java.util.List;

import io.github.eventsgateway.store.MadePublicRepo;

/**
 * The answer of the made-public endpoint.
 *
 * @param repos the repositories, newest first
 */
record MadePublicRepos(List<Entry> repos) {

	static MadePublicRepos of(List<MadePublicRepo> stored) {
		return new MadePublicRepos(stored.stream().map(Entry::of).toList());
	}

	/**
	 * One repository made public.
	 *
	 * @param repo its {@code owner/name}
	 * @param repoId its id, or {@code null} when GitHub sent none
	 * @param madePublicAt when its PublicEvent happened
	 * @param actor who made it public, or {@code null}
	 * @param eventId the PublicEvent's id
	 */
	record Entry(String repo, Long repoId, Instant madePublicAt, String actor, String eventId) {

		static Entry of(MadePublicRepo stored) {
			return new Entry(stored.repo(), stored.repoId(), stored.madePublicAt(), stored.actor(), stored.eventId());
		}

	}

}
