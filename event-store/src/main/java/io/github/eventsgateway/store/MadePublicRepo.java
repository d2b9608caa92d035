package io.github.eventsgateway.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A repository made public, as the {@code made-public} sorted set remembers it.
 *
 * @param repo the repository's {@code owner/name}
 * @param repoId the repository id, or {@code null}
 * @param madePublicAt when its PublicEvent happened
 * @param actor who made it public, or {@code null}
 * @param eventId the PublicEvent's id
 */
public record MadePublicRepo(String repo, Long repoId, Instant madePublicAt, String actor, String eventId) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static MadePublicRepo of(GitHubEvent event) {
		return new MadePublicRepo(event.repoName(), event.repoId(), event.createdAt(), event.actor(), event.id());
	}

	/** The sorted-set member: the fields but the time, which is the score. */
	String toMember() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("eventId", this.eventId);
		fields.put("repo", this.repo);
		fields.put("repoId", this.repoId);
		fields.put("actor", this.actor);
		return JSON.writeValueAsString(fields);
	}

	static MadePublicRepo fromMember(String member, double score) {
		Map<?, ?> fields = JSON.readValue(member, Map.class);
		Object repoId = fields.get("repoId");
		return new MadePublicRepo((String) fields.get("repo"), (repoId != null) ? ((Number) repoId).longValue() : null,
				Instant.ofEpochSecond((long) score), (String) fields.get("actor"), (String) fields.get("eventId"));
	}

}
