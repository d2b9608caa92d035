package io.github.eventsgateway.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.eventsgateway.api.FixtureEvents.Event;
import io.github.eventsgateway.api.hot.KeptAnswers;
import io.github.eventsgateway.store.testing.TestRedis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint against the real GitHub events in the fixtures, stored through the
 * poller's write path, checked against what this test computes from the same files with
 * plain Jackson.
 */
@ApiOnFixtureClock
class FixtureEventsApiTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static List<Event> events;

	/** Just after the newest fixture event, so the last minutes hold real data. */
	private static Instant now;

	@Autowired
	private WebTestClient client;

	@BeforeAll
	static void storeFixtureEvents(TestRedis testRedis) {
		events = FixtureEvents.allUnique();
		now = events.stream().map(Event::createdAt).max(Comparator.naturalOrder()).orElseThrow().plusSeconds(30);
		assertThat(now).isEqualTo(FixtureClock.NOW);
		try (TestEventStore store = TestEventStore.ofSharedContexts(testRedis)) {
			store.clear();
			store.ingestPages(FixtureEvents.pages());
		}
	}

	@BeforeEach
	void apiSeesTheStore(@Autowired ApplicationContext context) {
		KeptAnswers.awaitCurrentVersion(context);
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 10, 60, 60 * 24 * 365 * 10, 60 * 24 * 7400 })
	void countsEventsOfTheLastMinutesByType(long offset) {
		Instant to = now;
		Instant from = to.minus(Duration.ofMinutes(offset));
		Map<String, Long> expected = new TreeMap<>(events.stream()
			.filter((event) -> event.createdAt().isAfter(from) && !event.createdAt().isAfter(to))
			.collect(Collectors.groupingBy(Event::type, Collectors.counting())));
		for (String alwaysListed : List.of("WatchEvent", "PullRequestEvent", "IssuesEvent")) {
			expected.putIfAbsent(alwaysListed, 0L);
		}
		Map<String, Object> body = get("/api/v1/events/counts?offset=" + offset);
		assertThat(body).containsEntry("offsetMinutes", asJsonNumber(offset))
			.containsEntry("from", from.toString())
			.containsEntry("to", to.toString());
		assertThat(longs(body.get("counts"))).isEqualTo(expected);
		assertThat(((Number) body.get("total")).longValue())
			.isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
	}

	@Test
	void listsTheMostFrequentTypeFirst() {
		Map<?, ?> counts = (Map<?, ?>) get("/api/v1/events/counts?offset=10").get("counts");
		List<Long> inOrder = counts.values().stream().map((count) -> ((Number) count).longValue()).toList();
		assertThat(inOrder).isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(counts.keySet().iterator().next()).isEqualTo("PushEvent");
	}

	@Test
	void countsOnlyTheTypesAskedFor() {
		Instant from = now.minus(Duration.ofMinutes(10));
		Map<String, Long> expected = new TreeMap<>();
		for (String type : List.of("WatchEvent", "PublicEvent", "SponsorshipEvent")) {
			expected.put(type,
					events.stream()
						.filter((event) -> event.type().equals(type) && event.createdAt().isAfter(from)
								&& !event.createdAt().isAfter(now))
						.count());
		}
		Map<String, Object> body = get("/api/v1/events/counts?offset=10&types=WatchEvent,PublicEvent,SponsorshipEvent");
		assertThat(longs(body.get("counts"))).isEqualTo(expected);
		assertThat(expected.get("PublicEvent")).isEqualTo(13);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sigmavirus24/github3.py", "duckdb/duckdb", "nilcsi/topic-interview-questions",
			"tabler/tabler", "fog/fog", "wacker-dev/wacker" })
	void averagesTheTimeBetweenPullRequestsOpened(String repo) {
		List<Instant> opened = pullRequestsOpened(repo);
		assertThat(opened).hasSizeGreaterThanOrEqualTo(2);
		double expectedAverage = Duration.between(opened.get(0), opened.get(opened.size() - 1)).toSeconds()
				/ (double) (opened.size() - 1);
		Map<String, Object> body = get("/api/v1/repos/" + repo + "/pull-requests/average-interval");
		assertThat(body).containsEntry("repo", repo)
			.containsEntry("pullRequests", asJsonNumber(opened.size()))
			.containsEntry("firstOpenedAt", opened.get(0).toString())
			.containsEntry("lastOpenedAt", opened.get(opened.size() - 1).toString());
		assertThat(((Number) body.get("averageIntervalSeconds")).doubleValue()).isEqualTo(expectedAverage);
	}

	@Test
	void matchesRepositoryNamesRegardlessOfCaseAndEchoesTheNameAsAsked() {
		List<Instant> opened = pullRequestsOpened("sigmavirus24/github3.py");
		Map<String, Object> body = get("/api/v1/repos/SigmaVirus24/GitHub3.py/pull-requests/average-interval");
		assertThat(body).containsEntry("repo", "SigmaVirus24/GitHub3.py")
			.containsEntry("pullRequests", asJsonNumber(opened.size()));
	}

	@Test
	void answersNullAverageWithFewerThanTwoPullRequests() {
		String single = events.stream()
			.filter(Event::opensPullRequest)
			.collect(Collectors.groupingBy(Event::repoName, Collectors.counting()))
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() == 1)
			.map(Map.Entry::getKey)
			.sorted()
			.findFirst()
			.orElseThrow();
		Map<String, Object> body = get("/api/v1/repos/" + single + "/pull-requests/average-interval");
		assertThat(body).containsEntry("pullRequests", 1).containsEntry("averageIntervalSeconds", null);
		Map<String, Object> none = get("/api/v1/repos/octocat/never-heard-of/pull-requests/average-interval");
		assertThat(none).containsEntry("pullRequests", 0)
			.containsEntry("averageIntervalSeconds", null)
			.containsEntry("firstOpenedAt", null)
			.containsEntry("lastOpenedAt", null);
	}

	@Test
	void listsRepositoriesMadePublicNewestFirst() {
		List<Map<String, Object>> expected = events.stream()
			.filter((event) -> event.type().equals("PublicEvent"))
			.map(FixtureEventsApiTests::madePublicEntry)
			.toList();
		List<Map<String, Object>> repos = repos(get("/api/v1/repos/made-public"));
		assertThat(repos).hasSize(13).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(repos).extracting((repo) -> Instant.parse((String) repo.get("madePublicAt")))
			.isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(repos(get("/api/v1/repos/made-public?limit=5"))).isEqualTo(repos.subList(0, 5));
	}

	@Test
	void reportsTheStoreCountersAndLagWhenNoPollerEverReported() {
		Instant newest = now.minusSeconds(30);
		Map<String, Object> body = get("/api/v1/poller/status");
		assertThat(body).containsEntry("eventsStored", asJsonNumber(events.size()))
			.containsEntry("newestEventAt", newest.toString())
			.containsEntry("lagSeconds", 30)
			.containsEntry("leaseHolder", null)
			.containsEntry("lastSuccessAt", null)
			.containsEntry("stale", true);
		assertThat(((Number) body.get("duplicatesSkipped")).longValue()).isPositive();
	}

	private List<Instant> pullRequestsOpened(String repo) {
		return events.stream()
			.filter((event) -> event.opensPullRequest() && event.repoName().equalsIgnoreCase(repo))
			.map(Event::createdAt)
			.sorted()
			.toList();
	}

	private static Map<String, Object> madePublicEntry(Event event) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("repo", event.repoName());
		entry.put("repoId", asJsonNumber(event.repoId()));
		entry.put("madePublicAt", event.createdAt().toString());
		entry.put("actor", event.actor());
		entry.put("eventId", event.id());
		return entry;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> repos(Map<String, Object> body) {
		return (List<Map<String, Object>>) body.get("repos");
	}

	private Map<String, Object> get(String uri) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
	}

	private static Map<String, Long> longs(Object counts) {
		Map<String, Long> result = new TreeMap<>();
		((Map<?, ?>) counts).forEach((type, count) -> result.put((String) type, ((Number) count).longValue()));
		return result;
	}

	/** A number as Jackson reads it back into a map: Integer when it fits, else Long. */
	private static Number asJsonNumber(long value) {
		return (value == (int) value) ? (Number) (int) value : (Number) value;
	}

}
