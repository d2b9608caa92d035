package io.github.eventsgateway.store;

import java.time.Instant;

/**
 * The few fields of a GitHub activity event that the gateway keeps. Everything else in
 * the payload is ignored, so trimmed or changed payloads do not break ingest.
 *
 * @param id the event id (a string of digits, unique per event)
 * @param type the event type, such as {@code PushEvent}; {@value #UNKNOWN_TYPE} when
 * GitHub sent none or one that cannot be a type name
 * @param repoId the repository id, or {@code null}
 * @param repoName the repository's {@code owner/name}, or {@code null}
 * @param actor the actor's login, or {@code null}
 * @param createdAt when the event happened
 * @param action the payload's action (of a PullRequestEvent, for example), or
 * {@code null}
 */
public record GitHubEvent(String id, String type, Long repoId, String repoName, String actor, Instant createdAt,
		String action) {

	/** The type recorded for events whose type is missing or not a plain name. */
	public static final String UNKNOWN_TYPE = "UnknownEvent";

	/** GitHub's type of the event that makes a repository public. */
	public static final String PUBLIC_EVENT = "PublicEvent";

	/** GitHub's type of pull request events. */
	public static final String PULL_REQUEST_EVENT = "PullRequestEvent";

	/**
	 * Whether this event opened a pull request.
	 * @return {@code true} for a PullRequestEvent with action {@code opened} on a known
	 * repository
	 */
	public boolean opensPullRequest() {
		return PULL_REQUEST_EVENT.equals(this.type) && "opened".equals(this.action) && this.repoName != null;
	}

	/**
	 * Whether this event made a repository public.
	 * @return {@code true} for a PublicEvent on a known repository
	 */
	public boolean makesRepositoryPublic() {
		return PUBLIC_EVENT.equals(this.type) && this.repoName != null;
	}

}
