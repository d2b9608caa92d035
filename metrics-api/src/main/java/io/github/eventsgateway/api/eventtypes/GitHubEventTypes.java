package io.github.eventsgateway.api.eventtypes;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event types GitHub documents for its events API
 * (https://docs.github.com/en/rest/using-the-rest-api/github-event-types), plus
 * {@code DiscussionEvent}, which the feed carries too. Known without asking Redis, so a
 * request that names only these costs nothing extra.
 */
public final class GitHubEventTypes {

	/** The canonical names, as GitHub spells them, in alphabetical order. */
	public static final List<String> NAMES = List.of("CommitCommentEvent", "CreateEvent", "DeleteEvent",
			"DiscussionEvent", "ForkEvent", "GollumEvent", "IssueCommentEvent", "IssuesEvent", "MemberEvent",
			"PublicEvent", "PullRequestEvent", "PullRequestReviewCommentEvent", "PullRequestReviewEvent",
			"PullRequestReviewThreadEvent", "PushEvent", "ReleaseEvent", "SponsorshipEvent", "WatchEvent");

	private static final Map<String, String> BY_LOWER_CASE = NAMES.stream()
		.collect(Collectors.toUnmodifiableMap(GitHubEventTypes::lowerCase, Function.identity()));

	private GitHubEventTypes() {
	}

	/**
	 * The documented name a requested name stands for, whatever its case.
	 * @param name the name as requested
	 * @return the canonical name, or {@code null} when GitHub documents no such type
	 */
	public static String canonical(String name) {
		return BY_LOWER_CASE.get(lowerCase(name));
	}

	static String lowerCase(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
