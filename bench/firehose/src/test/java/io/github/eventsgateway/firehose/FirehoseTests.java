package io.github.eventsgateway.firehose;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.testing.GitHubJson;
import io.github.eventsgateway.store.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@Timeout(30)
class FirehoseTests {

	private static final Instant START = Instant.parse("2026-11-23T10:15:00Z");

	private final MutableClock clock = new MutableClock(START);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Firehose firehose;

	@AfterEach
	void stop() {
		if (this.firehose != null) {
			this.firehose.close();
		}
	}

	@Test
	void servesTheNewestEventsFirstInPagesLinkedUpToTheCap() throws Exception {
		start(settings().eventsPerSecond(10));
		this.clock.advance(Duration.ofSeconds(40));
		HttpResponse<String> first = get("/events?per_page=100", "token one");
		assertThat(first.statusCode()).isEqualTo(200);
		List<GitHubEvent> events = GitHubJson.readArray(first.body().getBytes(StandardCharsets.UTF_8));
		List<Long> generated = this.firehose.generatedIds();
		assertThat(generated).hasSize(401);
		assertThat(events).hasSize(100);
		assertThat(events.get(0).id()).isEqualTo(Long.toString(generated.get(400)));
		assertThat(events.get(99).id()).isEqualTo(Long.toString(generated.get(301)));
		assertThat(first.headers().firstValue("Link"))
			.hasValueSatisfying((link) -> assertThat(link).contains("/events?per_page=100&page=2>; rel=\"next\"")
				.contains("/events?per_page=100&page=3>; rel=\"last\""));
		assertThat(first.headers().firstValue("X-Poll-Interval")).hasValue("60");
		HttpResponse<String> last = get("/events?per_page=100&page=3", "token one");
		assertThat(GitHubJson.readArray(last.body().getBytes(StandardCharsets.UTF_8))).last()
			.satisfies((event) -> assertThat(event.id()).isEqualTo(Long.toString(generated.get(101))));
		assertThat(last.headers().firstValue("Link").orElseThrow()).doesNotContain("rel=\"next\"");
		assertThat(get("/events?per_page=100&page=4", "token one").statusCode()).isEqualTo(422);
	}

	@Test
	void generatesRealisticEventsThatTheStoreCanRead() throws Exception {
		start(settings().eventsPerSecond(100));
		this.clock.advance(Duration.ofSeconds(3));
		List<GitHubEvent> events = GitHubJson
			.readArray(get("/events?per_page=100", "token one").body().getBytes(StandardCharsets.UTF_8));
		assertThat(events).hasSize(100).allSatisfy((event) -> {
			assertThat(event.repoName()).contains("/");
			assertThat(event.actor()).isNotBlank();
			assertThat(event.createdAt()).isBetween(START, START.plusSeconds(3));
		});
		assertThat(events).extracting(GitHubEvent::type).contains("PushEvent", "CreateEvent");
		assertThat(events).extracting(GitHubEvent::id).doesNotHaveDuplicates();
	}

	@Test
	void generatesTheSameEventsFromTheSameSeed() {
		EventTemplates templates = EventTemplates.load();
		EventGenerator one = new EventGenerator(templates, 7);
		EventGenerator other = new EventGenerator(templates, 7);
		for (int i = 0; i < 1000; i++) {
			assertThat(one.next(START)).isEqualTo(other.next(START));
		}
	}

	@Test
	void mixesTypesLikeTheRealFeedAndOpensPullRequests() {
		EventGenerator generator = new EventGenerator(EventTemplates.load(), 1);
		List<GitHubEvent> events = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			events.add(GitHubJson.readObject(generator.next(START).json()));
		}
		long pushes = events.stream().filter((event) -> event.type().equals("PushEvent")).count();
		assertThat(pushes).isBetween(13_000L, 15_500L);
		assertThat(events).filteredOn(GitHubEvent::opensPullRequest).hasSizeGreaterThan(300);
		assertThat(events).filteredOn(GitHubEvent::makesRepositoryPublic).isNotEmpty();
		assertThat(events).extracting(GitHubEvent::id).doesNotHaveDuplicates();
	}

	@Test
	void showsAnEventOnlyOnceItsVisibilityDelayHasPassed() throws Exception {
		start(settings().eventsPerSecond(1).visibilityDelay(Duration.ofSeconds(30)));
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(get("/events", "token one").body()).isEqualTo("[]");
		this.clock.advance(Duration.ofSeconds(15));
		assertThat(GitHubJson.readArray(get("/events", "token one").body().getBytes(StandardCharsets.UTF_8)))
			.hasSize(6);
	}

	@Test
	void answersAnUnchangedPageWith304WithoutSpendingBudget() throws Exception {
		start(settings().eventsPerSecond(1));
		this.clock.advance(Duration.ofSeconds(5));
		HttpResponse<String> first = get("/events", "token one");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).startsWith("W/\"");
		assertThat(first.headers().firstValue("x-ratelimit-remaining")).hasValue("4999");
		HttpResponse<String> again = send(request("/events", "token one").header("If-None-Match", etag).build());
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.headers().firstValue("x-ratelimit-remaining")).hasValue("4999");
		this.clock.advance(Duration.ofSeconds(1));
		HttpResponse<String> changed = send(request("/events", "token one").header("If-None-Match", etag).build());
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.headers().firstValue("x-ratelimit-remaining")).hasValue("4998");
	}

	@Test
	void refusesAnUnknownTokenWith401() throws Exception {
		start(settings());
		HttpResponse<String> response = get("/events", "token nobody-knows-this");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("Bad credentials").doesNotContain("nobody-knows-this");
		assertThat(this.firehose.requests()).singleElement()
			.satisfies((request) -> assertThat(request.credential()).isEqualTo("unknown"));
	}

	@Test
	void refusesWith403OnceABudgetIsSpentUntilItResets() throws Exception {
		start(settings().tokenLimit(2).anonymousLimit(1));
		assertThat(get("/events", "Bearer one").headers().firstValue("x-ratelimit-remaining")).hasValue("1");
		HttpResponse<String> last = get("/events", "token one");
		assertThat(last.statusCode()).isEqualTo(200);
		HttpResponse<String> spent = get("/events", "token one");
		assertThat(spent.statusCode()).isEqualTo(403);
		assertThat(spent.headers().firstValue("x-ratelimit-remaining")).hasValue("0");
		assertThat(spent.headers().firstValue("x-ratelimit-reset"))
			.hasValue(Long.toString(START.plus(Duration.ofHours(1)).getEpochSecond()));
		assertThat(spent.body()).contains("API rate limit exceeded");
		assertThat(get("/events", "token two").statusCode()).isEqualTo(200);
		assertThat(get("/events", null).statusCode()).isEqualTo(200);
		assertThat(get("/events", null).statusCode()).isEqualTo(403);
		this.clock.advance(Duration.ofHours(1));
		assertThat(get("/events", "token one").statusCode()).isEqualTo(200);
	}

	@Test
	void neverServesConcurrentRequestsBeyondTheBudget() {
		start(settings().tokenLimit(5));
		List<Integer> statuses = IntStream.range(0, 40)
			.mapToObj((i) -> this.http.sendAsync(request("/events", "token one").build(),
					HttpResponse.BodyHandlers.discarding()))
			.toList()
			.stream()
			.map((response) -> response.join().statusCode())
			.toList();
		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(5);
		assertThat(statuses).filteredOn((status) -> status == 403).hasSize(35);
	}

	@Test
	void refusesWith429WhenToldTo() throws Exception {
		start(settings().tokenLimit(1).exhaustedStatus(429));
		get("/events", "token one");
		assertThat(get("/events", "token one").statusCode()).isEqualTo(429);
	}

	@Test
	void recordsWhatItGeneratedServedAndWasAsked() throws Exception {
		start(settings().eventsPerSecond(10));
		this.clock.advance(Duration.ofSeconds(5));
		get("/events?per_page=20", "token two");
		this.clock.advance(Duration.ofSeconds(5));
		this.firehose.stopGenerating();
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(this.firehose.generatedCount()).isEqualTo(101);
		// served is recorded once the write completes, which may be just after the
		// client has read the answer
		awaitRequests(1);
		assertThat(this.firehose.servedIds()).hasSize(20)
			.allSatisfy((id) -> assertThat(this.firehose.generatedIds()).contains(id));
		assertThat(this.firehose.requests()).singleElement().satisfies((request) -> {
			assertThat(request.credential()).isEqualTo("token-2");
			assertThat(request.perPage()).isEqualTo(20);
			assertThat(request.eventsServed()).isEqualTo(20);
			assertThat(request.receivedAt()).isEqualTo(START.plusSeconds(5));
		});
	}

	@Test
	void injectsServerErrors() throws Exception {
		start(settings().faultRate(1).faults(EnumSet.of(Fault.SERVER_ERROR)));
		assertThat(get("/events", "token one").statusCode()).isIn(500, 502, 503);
		assertThat(this.firehose.servedIds()).isEmpty();
	}

	@Test
	void injectsTruncatedJson() throws Exception {
		start(settings().eventsPerSecond(10).faultRate(1).faults(EnumSet.of(Fault.TRUNCATED_JSON)));
		this.clock.advance(Duration.ofSeconds(10));
		HttpResponse<String> response = get("/events", "token one");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("[{").doesNotEndWith("}]");
		assertThat(this.firehose.servedIds()).isEmpty();
	}

	@Test
	void injectsSecondaryRateLimitsWithRetryAfter() throws Exception {
		start(settings().faultRate(1).faults(EnumSet.of(Fault.SECONDARY_RATE_LIMIT)));
		HttpResponse<String> response = get("/events", "token one");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("retry-after")).hasValue("5");
		assertThat(response.body()).contains("secondary rate limit");
	}

	@Test
	void injectsConnectionResets() {
		start(settings().faultRate(1).faults(EnumSet.of(Fault.CONNECTION_RESET)));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> get("/events", "token one"));
		// the JDK client retries an idempotent GET once after a reset
		assertThat(this.firehose.requests()).isNotEmpty()
			.allSatisfy((request) -> assertThat(request.fault()).isEqualTo(Fault.CONNECTION_RESET));
	}

	@Test
	void injectsSlowResponsesBeyondTheClientsTimeout() {
		start(settings().eventsPerSecond(10)
			.faultRate(1)
			.faults(EnumSet.of(Fault.SLOW_RESPONSE))
			.slowResponseDelay(Duration.ofSeconds(3)));
		this.clock.advance(Duration.ofSeconds(1));
		assertThatThrownBy(() -> send(request("/events", "token one").timeout(Duration.ofSeconds(1)).build()))
			.isInstanceOf(HttpTimeoutException.class);
		assertThat(this.firehose.servedIds()).isEmpty();
	}

	@Test
	void stopsInjectingFaultsWhenTheRateDropsToZero() throws Exception {
		start(settings().faultRate(1).faults(Set.of(Fault.SERVER_ERROR)));
		this.firehose.faultRate(0);
		assertThat(get("/events", "token one").statusCode()).isEqualTo(200);
	}

	private void awaitRequests(int count) {
		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> this.firehose.requests().size() >= count);
	}

	private FirehoseSettings.Builder settings() {
		return FirehoseSettings.builder().clock(this.clock).tokens(List.of("one", "two"));
	}

	private void start(FirehoseSettings.Builder settings) {
		this.firehose = Firehose.start(settings.build());
	}

	private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
		return send(request(path, authorization).build());
	}

	private HttpRequest.Builder request(String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.firehose.url() + path))
			.timeout(Duration.ofSeconds(10));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
