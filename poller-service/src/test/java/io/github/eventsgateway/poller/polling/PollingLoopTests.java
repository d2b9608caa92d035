package io.github.eventsgateway.poller.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

import io.github.eventsgateway.poller.github.GitHubToken;
import io.github.eventsgateway.poller.github.RateLimit;
import io.github.eventsgateway.poller.metrics.PollerMetrics;
import io.github.eventsgateway.poller.pacing.Backoff;
import io.github.eventsgateway.poller.pacing.TokenPool;
import io.github.eventsgateway.poller.testing.SchedulerClock;
import io.github.eventsgateway.store.IngestResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loop's timing, in virtual time: a scripted poller stands in for GitHub, so these
 * tests check when the loop polls and with which token, not what a poll does.
 */
@ExtendWith(OutputCaptureExtension.class)
class PollingLoopTests {

	private static final Duration MINUTE = Duration.ofSeconds(60);

	private final VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();

	private final Clock clock = new SchedulerClock(this.scheduler);

	private final List<GitHubToken> tokens = GitHubToken.of(List.of("secret-a", "secret-b"));

	private final Deque<Function<Poll, PollResult>> script = new ArrayDeque<>();

	private final List<Poll> polls = new ArrayList<>();

	private boolean leading = true;

	@Test
	void pollsNoFasterThanXPollInterval() {
		answer((poll) -> ok(poll, MINUTE, budget(4000, poll.at.plusSeconds(3600))));
		answer((poll) -> ok(poll, MINUTE, budget(3999, poll.at.plusSeconds(3600))));
		StepVerifier.withVirtualTime(() -> loop(this.tokens.subList(0, 1)).run().take(2), () -> this.scheduler, 10)
			.expectSubscription()
			.expectNextCount(1)
			.expectNoEvent(Duration.ofSeconds(59))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(secondsOfPolls()).containsExactly(0L, 60L);
	}

	@Test
	void slowsDownWhenTheBudgetWouldRunOutBeforeTheReset() {
		// 10 requests left for an hour: one poll every 6 minutes makes them last.
		answer((poll) -> ok(poll, MINUTE, budget(10, poll.at.plusSeconds(3600))));
		answer((poll) -> ok(poll, MINUTE, budget(9, poll.at.plusSeconds(3240))));
		StepVerifier.withVirtualTime(() -> loop(this.tokens.subList(0, 1)).run().take(2), () -> this.scheduler, 10)
			.expectSubscription()
			.expectNextCount(1)
			.expectNoEvent(Duration.ofSeconds(359))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(secondsOfPolls()).containsExactly(0L, 360L);
	}

	@Test
	void waitsUntilTheResetWhenTheBudgetIsUsedUp() {
		answer((poll) -> limited(poll, 403, budget(0, poll.at.plusSeconds(600)), null));
		answer((poll) -> ok(poll, MINUTE, budget(4999, poll.at.plusSeconds(3600))));
		StepVerifier.withVirtualTime(() -> loop(this.tokens.subList(0, 1)).run().take(2), () -> this.scheduler, 10)
			.expectSubscription()
			.assertNext((result) -> assertThat(result.kind()).isEqualTo(PollResult.Kind.RATE_LIMITED))
			.expectNoEvent(Duration.ofSeconds(600))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(secondsOfPolls()).containsExactly(0L, 601L);
	}

	@Test
	void waitsAsLongAsRetryAfterSays() {
		answer((poll) -> limited(poll, 429, null, Duration.ofSeconds(90)));
		answer((poll) -> ok(poll, MINUTE, null));
		StepVerifier.withVirtualTime(() -> loop(this.tokens.subList(0, 1)).run().take(2), () -> this.scheduler, 10)
			.expectSubscription()
			.expectNextCount(1)
			.thenAwait(Duration.ofMinutes(5))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(secondsOfPolls()).containsExactly(0L, 90L);
	}

	@Test
	void waitsAtLeastAMinuteAfterASecondaryLimitAndLongerEachTime() {
		answer((poll) -> secondaryLimit(poll));
		answer((poll) -> secondaryLimit(poll));
		answer((poll) -> ok(poll, MINUTE, null));
		StepVerifier.withVirtualTime(() -> loop(this.tokens).run().take(3), () -> this.scheduler, 10)
			.expectSubscription()
			.expectNextCount(1)
			.thenAwait(Duration.ofMinutes(10))
			.expectNextCount(2)
			.verifyComplete();
		// With two tokens at hand it still waits: secondary limits are not one token's.
		assertThat(secondsOfPolls()).containsExactly(0L, 60L, 180L);
	}

	@Test
	void backsOffExponentiallyAfterServerErrorsAndTimeouts() {
		answer((poll) -> failed(poll, "5xx"));
		answer((poll) -> failed(poll, "error"));
		answer((poll) -> failed(poll, "5xx"));
		answer((poll) -> ok(poll, MINUTE, null));
		StepVerifier.withVirtualTime(() -> loop(this.tokens).run().take(4), () -> this.scheduler, 10)
			.expectSubscription()
			.thenAwait(Duration.ofMinutes(1))
			.expectNextCount(4)
			.verifyComplete();
		// Backoff from 2 s, doubling, with the jitter at its least (half).
		assertThat(secondsOfPolls()).containsExactly(0L, 1L, 3L, 7L);
	}

	@Test
	void logsAStateChangeOnceNotEveryRetry(CapturedOutput output) {
		for (int i = 0; i < 4; i++) {
			answer((poll) -> failed(poll, "5xx"));
		}
		answer((poll) -> ok(poll, MINUTE, null));
		answer((poll) -> ok(poll, MINUTE, null));
		StepVerifier.withVirtualTime(() -> loop(this.tokens.subList(0, 1)).run().take(6), () -> this.scheduler, 10)
			.expectSubscription()
			.thenAwait(Duration.ofMinutes(5))
			.expectNextCount(6)
			.verifyComplete();
		assertThat(output.toString().split("Backing off", -1)).hasSize(2);
		assertThat(output.toString().split("GitHub reachable again", -1)).hasSize(2);
	}

	@Test
	void staggersTokensSoThatTwoTokensPollTwiceAsOften() {
		for (int i = 0; i < 4; i++) {
			answer((poll) -> ok(poll, MINUTE, budget(4000, poll.at.plusSeconds(3600))));
		}
		StepVerifier.withVirtualTime(() -> loop(this.tokens).run().take(4), () -> this.scheduler, 10)
			.expectSubscription()
			.thenAwait(Duration.ofMinutes(2))
			.expectNextCount(4)
			.verifyComplete();
		assertThat(secondsOfPolls()).containsExactly(0L, 30L, 60L, 90L);
		assertThat(this.polls).extracting((poll) -> poll.token)
			.containsExactly(this.tokens.get(0), this.tokens.get(1), this.tokens.get(0), this.tokens.get(1));
	}

	@Test
	void usesTheNextTokenAtOnceWhenOneIsRefused() {
		answer((poll) -> result(poll, PollResult.Kind.UNAUTHORIZED, "error", null, null, null));
		answer((poll) -> ok(poll, MINUTE, null));
		StepVerifier.withVirtualTime(() -> loop(this.tokens).run().take(2), () -> this.scheduler, 10)
			.expectSubscription()
			.expectNextCount(2)
			.verifyComplete();
		assertThat(this.polls).extracting((poll) -> poll.token).containsExactly(this.tokens.get(0), this.tokens.get(1));
	}

	@Test
	void doesNotPollWithoutTheLease() {
		this.leading = false;
		answer((poll) -> ok(poll, MINUTE, null));
		StepVerifier.withVirtualTime(() -> loop(this.tokens).run().take(1), () -> this.scheduler, 10)
			.expectSubscription()
			.expectNoEvent(Duration.ofMinutes(5))
			.then(() -> this.leading = true)
			.thenAwait(Duration.ofSeconds(1))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(secondsOfPolls()).containsExactly(301L);
	}

	private PollingLoop loop(List<GitHubToken> tokens) {
		TokenPool pool = new TokenPool(tokens, MINUTE, Duration.ofSeconds(1));
		PollPlanner planner = new PollPlanner(pool, new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), () -> 0),
				MINUTE);
		StatusReporter status = new StatusReporter(null, "test") {

			@Override
			public Mono<Boolean> report(PollResult result, PollPlanner.Decision decision, int tokens, Instant endedAt) {
				return Mono.just(true);
			}

		};
		return new PollingLoop((now) -> this.leading, planner, (token, at) -> {
			Poll poll = new Poll(token, at);
			this.polls.add(poll);
			return Mono.fromSupplier(() -> this.script.removeFirst().apply(poll));
		}, status, new PollerMetrics(new SimpleMeterRegistry(), this.clock), this.scheduler, this.clock,
				Duration.ofSeconds(1));
	}

	private List<Long> secondsOfPolls() {
		return this.polls.stream().map((poll) -> poll.at.getEpochSecond()).toList();
	}

	private void answer(Function<Poll, PollResult> answer) {
		this.script.add(answer);
	}

	private static PollResult ok(Poll poll, Duration pollInterval, RateLimit rateLimit) {
		return new PollResult(poll.token, poll.at, PollResult.Kind.SUCCESS, "200", 1, 1, pollInterval, rateLimit, null,
				IngestResult.empty(), false, null);
	}

	private static PollResult limited(Poll poll, int status, RateLimit rateLimit, Duration retryAfter) {
		return result(poll, PollResult.Kind.RATE_LIMITED, Integer.toString(status), rateLimit, retryAfter,
				"rate limited");
	}

	private static PollResult secondaryLimit(Poll poll) {
		return result(poll, PollResult.Kind.SECONDARY_LIMIT, "403", null, null, "Secondary rate limit (403)");
	}

	private static PollResult failed(Poll poll, String outcome) {
		return result(poll, PollResult.Kind.FAILED, outcome, null, null, "failed");
	}

	private static PollResult result(Poll poll, PollResult.Kind kind, String outcome, RateLimit rateLimit,
			Duration retryAfter, String error) {
		return new PollResult(poll.token, poll.at, kind, outcome, 0, 1, null, rateLimit, retryAfter,
				IngestResult.empty(), false, error);
	}

	private static RateLimit budget(long remaining, Instant resetAt) {
		return new RateLimit(5000, remaining, resetAt);
	}

	private record Poll(GitHubToken token, Instant at) {

	}

}
