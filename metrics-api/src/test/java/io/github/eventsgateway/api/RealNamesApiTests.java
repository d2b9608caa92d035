package io.github.eventsgateway.api;

import java.util.List;

import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.testing.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Names as real clients send them: the repositories of real events, legacy and Enterprise
 * logins included, in any case.
 */
@SpringBootTest(classes = { MetricsApiApplication.class, FixtureClock.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
class RealNamesApiTests {

	static final RedisServerProcess redis = RedisServerProcess.start();

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void redisUrl(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", redis::url);
	}

	@BeforeAll
	static void storePullRequests() {
		try (TestEventStore store = new TestEventStore(redis)) {
			store.ingest(List.of(pullRequestOpened("1", "zhou---jing/zhou---jing.github.com", 100),
					pullRequestOpened("2", "zhou---jing/zhou---jing.github.com", 40),
					pullRequestOpened("3", "foo_bar/baz", 30), pullRequestOpened("4", "cato-/x.y_z", 20)));
		}
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
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

	private static GitHubEvent pullRequestOpened(String id, String repo, long secondsAgo) {
		return new GitHubEvent(id, GitHubEvent.PULL_REQUEST_EVENT, 1L, repo, "someone",
				FixtureClock.NOW.minusSeconds(secondsAgo), "opened");
	}

}
