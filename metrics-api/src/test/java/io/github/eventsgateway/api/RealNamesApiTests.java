package io.github.eventsgateway.api;

import java.util.List;

import io.github.eventsgateway.api.hot.KeptAnswers;
import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.testing.TestRedis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.github.eventsgateway.api.problem.BadRequests.expectBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names as real clients send them: the repositories of real events, legacy and Enterprise
 * logins included, in any case.
 */
@ApiOnFixtureClock
class RealNamesApiTests {

	private static TestRedis redis;

	@Autowired
	private WebTestClient client;

	@BeforeAll
	static void storePullRequests(TestRedis testRedis) {
		redis = testRedis;
		try (TestEventStore store = TestEventStore.ofSharedContexts(redis)) {
			store.clear();
			store.ingest(List.of(pullRequestOpened("1", "zhou---jing/zhou---jing.github.com", 100),
					pullRequestOpened("2", "zhou---jing/zhou---jing.github.com", 40),
					pullRequestOpened("3", "foo_bar/baz", 30), pullRequestOpened("4", "cato-/x.y_z", 20),
					event("5", "WatchEvent", 10), event("6", "WatchEvent", 9), event("7", "IssuesEvent", 8),
					event("8", null, 7), event("9", "FutureEvent", 6)));
		}
	}

	@BeforeEach
	void apiSeesTheStore(@Autowired ApplicationContext context) {
		KeptAnswers.awaitCurrentVersion(context);
	}

	@ParameterizedTest
	@CsvSource({ "zhou---jing/zhou---jing.github.com,2", "ZHOU---JING/Zhou---Jing.GitHub.com,2", "foo_bar/baz,1",
			"cato-/x.y_z,1", "-legacy/never-seen,0", "octocat_shortcode/never-seen,0" })
	void answersForLegacyAndEnterpriseLoginsInAnyCase(String repo, int pullRequests) {
		this.client.get()
			.uri("/api/v1/repos/" + repo + "/pull-requests/average-interval")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.repo")
			.isEqualTo(repo)
			.jsonPath("$.pullRequests")
			.isEqualTo(pullRequests);
	}

	@ParameterizedTest
	@CsvSource({ "a.b/repo,owner", "owner/..,repo", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/repo,owner" })
	void refusesNamesTheStoreCannotHold(String repo, String parameter) {
		this.client.get()
			.uri("/api/v1/repos/" + repo + "/pull-requests/average-interval")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo(parameter);
	}

	@Test
	void countsTypesNamedInAnyCaseUnderGitHubsSpellingWithoutAskingRedisWhichTypesExist() throws Exception {
		String uri = "/api/v1/events/counts?offset=10&types=watchevent,ISSUESEVENT,WatchEvent,sponsorshipevent";
		this.client.get().uri(uri).exchange().expectStatus().isOk();
		try (RedisMonitor monitor = new RedisMonitor(redis.port())) {
			// Another window, holding the same events: not an answer the API kept (hot
			// answers), and the scripts are loaded already. The counts and the window's
			// capture, sent together; no SMEMBERS of the stored types.
			assertThat(body(uri.replace("offset=10", "offset=11")))
				.contains("\"total\":3,\"counts\":{\"WatchEvent\":2,\"IssuesEvent\":1,\"SponsorshipEvent\":0},");
			assertThat(monitor.requestCommands()).as("round trips")
				.hasSizeLessThanOrEqualTo(2)
				.noneMatch((command) -> command.contains("SMEMBERS"));
		}
	}

	@ParameterizedTest
	@CsvSource({ "unknownevent,UnknownEvent", "FUTUREEVENT,FutureEvent", "FutureEvent,FutureEvent" })
	void countsTypesThatWereStoredThoughGitHubDoesNotDocumentThem(String asked, String stored) {
		this.client.get()
			.uri("/api/v1/events/counts?offset=10&types=" + asked)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.counts." + stored)
			.isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/events/counts?types=WatchEvent,NoSuchEvent",
			"/api/v1/events/counts?offset=10&types=watchevents", "/api/v1/events/timeline?offset=10&types=NoSuchEvent",
			"/api/v1/events/timeline.svg?types=PushEvent,Pushevents" })
	void refusesATypeNeitherDocumentedNorStoredListingTheValidOnes(String uri) {
		expectBadRequest(this.client, uri).jsonPath("$.parameter")
			.isEqualTo("types")
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("CommitCommentEvent")
				.contains("DiscussionEvent")
				.contains("WatchEvent")
				.contains("FutureEvent")
				.contains("UnknownEvent")
				.containsPattern("'(NoSuchEvent|watchevents|Pushevents)'"));
	}

	@Test
	void drawsTheTimelineOfTheTypesAskedForUnderGitHubsSpelling() {
		assertThat(body("/api/v1/events/timeline?offset=10&bucket=10&types=watchevent,issuesevent,pushevent"))
			.contains("\"series\":{\"WatchEvent\":[2],\"IssuesEvent\":[1]},\"total\":3,");
		assertThat(body("/api/v1/events/timeline.svg?offset=10&bucket=10&types=ISSUESEVENT")).contains("IssuesEvent")
			.doesNotContain("WatchEvent");
	}

	private String body(String uri) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static GitHubEvent event(String id, String type, long secondsAgo) {
		// The poller stores an event without a type as UnknownEvent.
		return new GitHubEvent(id, (type != null) ? type : GitHubEvent.UNKNOWN_TYPE, null, null, null,
				FixtureClock.NOW.minusSeconds(secondsAgo), null);
	}

	private static GitHubEvent pullRequestOpened(String id, String repo, long secondsAgo) {
		return new GitHubEvent(id, GitHubEvent.PULL_REQUEST_EVENT, 1L, repo, "someone",
				FixtureClock.NOW.minusSeconds(secondsAgo), "opened");
	}

}
