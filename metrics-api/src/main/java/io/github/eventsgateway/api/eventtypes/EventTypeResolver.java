package io.github.eventsgateway.api.eventtypes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.eventsgateway.api.problem.InvalidParameterException;
import io.github.eventsgateway.api.problem.UserInput;
import io.github.eventsgateway.store.EventReader;
import reactor.core.publisher.Mono;

/**
 * Turns the type names a request gives, in any case, into the names the store keeps:
 * GitHub's documented names first, without a Redis round trip; only a name GitHub does
 * not document is looked up among the types ever stored. A name that is neither is a
 * typo, refused with the list of valid names rather than answered with a silent zero.
 */
public final class EventTypeResolver {

	/** Stored names beyond GitHub's listed in a problem, so its detail stays bounded. */
	static final int MAX_OTHER_NAMES_LISTED = 20;

	private final EventReader reader;

	public EventTypeResolver(EventReader reader) {
		this.reader = reader;
	}

	/**
	 * Resolves requested names.
	 * @param requested names as {@link TypesParameter#parse(String)} returns them,
	 * possibly empty
	 * @return the canonical names in the order requested, each once; an
	 * {@link InvalidParameterException} when a name is neither documented nor stored
	 */
	public Mono<List<String>> resolve(List<String> requested) {
		if (requested.isEmpty()) {
			return Mono.just(List.of());
		}
		List<String> canonical = new ArrayList<>(requested.size());
		for (String name : requested) {
			String documented = GitHubEventTypes.canonical(name);
			if (documented == null) {
				return this.reader.storedTypes().map((stored) -> resolve(requested, stored));
			}
			canonical.add(documented);
		}
		return Mono.just(distinct(canonical));
	}

	private static List<String> resolve(List<String> requested, Set<String> stored) {
		Map<String, String> storedByLowerCase = new TreeMap<>();
		for (String name : new TreeSet<>(stored)) {
			storedByLowerCase.putIfAbsent(GitHubEventTypes.lowerCase(name), name);
		}
		List<String> canonical = new ArrayList<>(requested.size());
		for (String name : requested) {
			String documented = GitHubEventTypes.canonical(name);
			String resolved = (documented != null) ? documented
					: (stored.contains(name) ? name : storedByLowerCase.get(GitHubEventTypes.lowerCase(name)));
			if (resolved == null) {
				throw unknown(name, stored);
			}
			canonical.add(resolved);
		}
		return distinct(canonical);
	}

	private static InvalidParameterException unknown(String name, Set<String> stored) {
		StringBuilder detail = new StringBuilder("types must name GitHub event types (in any case); ")
			.append(UserInput.quote(name))
			.append(" is neither documented by GitHub nor ever stored. Valid: ")
			.append(String.join(", ", GitHubEventTypes.NAMES));
		Set<String> others = new TreeSet<>(stored);
		others.removeIf((type) -> GitHubEventTypes.canonical(type) != null);
		int listed = 0;
		for (String other : others) {
			if (listed == MAX_OTHER_NAMES_LISTED) {
				detail.append(", …");
				break;
			}
			detail.append(", ").append(other);
			listed++;
		}
		return new InvalidParameterException("types", detail.append('.').toString());
	}

	private static List<String> distinct(List<String> names) {
		return new ArrayList<>(new LinkedHashSet<>(names));
	}

}
