package io.github.eventsgateway.firehose;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.testing.GitHubJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class TrimmedPayloadTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");

	private static final List<JsonNode> EVENTS = generate(20_000);

	@Test
	void pushEventsCarryNoCommitsOrSizes() {
		assertThat(ofType("PushEvent")).isNotEmpty().allSatisfy((event) -> {
			JsonNode payload = event.path("payload");
			assertThat(payload.propertyNames()).containsExactlyInAnyOrder("repository_id", "push_id", "ref", "head",
					"before");
			assertThat(payload.path("repository_id").asLong()).isEqualTo(event.path("repo").path("id").asLong());
			assertThat(payload.path("head").asString()).matches("[0-9a-f]{40}");
		});
	}

	@Test
	void pullRequestsCarryOnlyIdsRefsAndUrlsWithThe2025Actions() {
		List<JsonNode> pullRequests = ofType("PullRequestEvent");
		assertThat(pullRequests).isNotEmpty().allSatisfy((event) -> {
			JsonNode payload = event.path("payload");
			assertThat(payload.propertyNames()).containsExactlyInAnyOrder("action", "number", "pull_request");
			JsonNode pull = payload.path("pull_request");
			assertThat(pull.propertyNames()).containsExactlyInAnyOrder("id", "number", "url", "head", "base")
				.doesNotContain("user", "merged", "title", "created_at");
			assertThat(pull.path("number").asInt()).isEqualTo(payload.path("number").asInt());
			String repository = event.path("repo").path("name").asString();
			assertThat(pull.path("url").asString())
				.isEqualTo("https://api.github.com/repos/" + repository + "/pulls/" + payload.path("number").asInt());
			assertThat(pull.path("head").propertyNames()).containsExactlyInAnyOrder("ref", "sha", "repo");
			assertThat(pull.path("base").path("repo").path("name").asString()).isEqualTo(repository);
		});
		Map<String, Long> actions = pullRequests.stream()
			.collect(Collectors.groupingBy((event) -> event.path("payload").path("action").asString(),
					Collectors.counting()));
		assertThat(actions.keySet()).containsExactlyInAnyOrder("opened", "closed", "reopened", "labeled", "assigned",
				"merged");
		assertThat(actions.get("opened")).isGreaterThan(pullRequests.size() / 4);
	}

	@Test
	void opensPullRequestsWithTheNextNumberOfTheirRepositorySoBusyRepositoriesGetSeveral() {
		Map<String, List<Integer>> openedByRepository = new HashMap<>();
		for (JsonNode event : ofType("PullRequestEvent")) {
			if (event.path("payload").path("action").asString().equals("opened")) {
				openedByRepository
					.computeIfAbsent(event.path("repo").path("name").asString(), (name) -> new ArrayList<>())
					.add(event.path("payload").path("number").asInt());
			}
		}
		assertThat(openedByRepository.values())
			.allSatisfy((numbers) -> assertThat(numbers).isSorted().doesNotHaveDuplicates());
		assertThat(openedByRepository.values().stream().filter((numbers) -> numbers.size() >= 5).count())
			.isGreaterThan(10);
		// the store counts them as opened pull requests
		List<GitHubEvent> read = EVENTS.stream().map((event) -> GitHubJson.readObject(event.toString())).toList();
		assertThat(read).filteredOn(GitHubEvent::opensPullRequest).hasSizeGreaterThan(500);
		assertThat(read).filteredOn(GitHubEvent::makesRepositoryPublic).isNotEmpty();
	}

	@Test
	void publicEventsHaveAnEmptyPayloadAndDiscussionEventsExist() {
		assertThat(ofType("PublicEvent")).isNotEmpty()
			.allSatisfy((event) -> assertThat(event.path("payload").isEmpty()).isTrue());
		assertThat(ofType("DiscussionEvent")).isNotEmpty().allSatisfy((event) -> {
			JsonNode discussion = event.path("payload").path("discussion");
			assertThat(discussion.path("html_url").asString())
				.startsWith("https://github.com/" + event.path("repo").path("name").asString() + "/discussions/");
			assertThat(discussion.path("created_at").asString()).isEqualTo(event.path("created_at").asString());
		});
	}

	@Test
	void keepsEveryOtherTypeAsRecorded() {
		Set<String> types = EVENTS.stream()
			.map((event) -> event.path("type").asString())
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(types).contains("IssuesEvent", "IssueCommentEvent", "WatchEvent", "ForkEvent", "ReleaseEvent",
				"PullRequestReviewEvent", "PullRequestReviewCommentEvent", "CommitCommentEvent", "MemberEvent",
				"GollumEvent", "CreateEvent", "DeleteEvent");
		assertThat(ofType("IssueCommentEvent"))
			.allSatisfy((event) -> assertThat(event.path("payload").path("comment").path("body").isString()).isTrue());
	}

	private List<JsonNode> ofType(String type) {
		return EVENTS.stream().filter((event) -> event.path("type").asString().equals(type)).toList();
	}

	private static List<JsonNode> generate(int count) {
		EventTemplates templates = EventTemplates.trimmed();
		IdFamilies ids = IdFamilies.interleaved(EventGenerator.FIRST_ID, IdFamilies.SECOND_FAMILY_START);
		EventGenerator generator = new EventGenerator(templates, new SplittableRandom(3), ids);
		List<JsonNode> events = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			events.add(StandInClient.json(generator.next(NOW.plusMillis(i * 5L)).json()));
		}
		return events;
	}

}
