package io.github.eventsgateway.api.status;

import java.time.Clock;

import io.github.eventsgateway.api.config.ApiProperties;
import io.github.eventsgateway.api.hot.HotCaches;
import io.github.eventsgateway.api.routing.GetRoute;
import io.github.eventsgateway.store.PollerStatusStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springdoc.core.annotations.RouterOperation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Reads, routes and documents the poller's status.
 */
@Configuration(proxyBeanMethods = false)
class PollerStatusConfiguration {

	static final String PATH = "/api/v1/poller/status";

	@Bean
	PollerStatusAnswers pollerStatusAnswers(PollerStatusStore statusStore, HotCaches caches) {
		return new PollerStatusAnswers(statusStore, caches);
	}

	@Bean
	PollerStatusHandler pollerStatusHandler(PollerStatusAnswers statuses, ApiProperties properties, Clock clock) {
		return new PollerStatusHandler(statuses, properties, clock);
	}

	@Bean
	@RouterOperation(path = PATH, method = RequestMethod.GET, produces = MediaType.APPLICATION_JSON_VALUE,
			beanClass = PollerStatusHandler.class, beanMethod = "status",
			operation = @Operation(operationId = "status", tags = "poller", summary = "The poller's status",
					description = "Leader, last poll and its outcome, events stored, rate limit (summed and per credential,"
							+ " never a secret), the feed's streams and how often each is read, how late events reach the feed,"
							+ " poll interval, lag of the newest event behind now, suspected gaps and the last error. Fields the poller has not"
							+ " reported yet are null. stale is true when no poll ever succeeded or the last successful"
							+ " one is older than three poll intervals (and at least gateway.api.stale-after-minimum).",
					responses = @ApiResponse(responseCode = "200", description = "The status", content = @Content(
							mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = PollerStatusView.class), examples = @ExampleObject(
									value = """
											{"leader":"poller-7f9c","leaseHolder":"poller-7f9c","state":"POLLING","source":"github",\
											"pacing":"budget","lastPollAt":"2026-11-23T10:14:55Z","lastPollOutcome":"200",\
											"lastSuccessAt":"2026-11-23T10:14:55Z","eventsStored":1843202,"duplicatesSkipped":52311,\
											"eventsDropped":0,"newestEventAt":"2026-11-23T10:14:54Z","lagSeconds":1,\
											"rateLimit":{"remaining":4712,"limit":5000,"resetAt":"2026-11-23T10:52:00Z"},\
											"pollIntervalSeconds":60,"suspectedGaps":3,"tokens":1,"credentials":[{"label":"token 1 of 1",\
											"kind":"personal","remaining":4712,"limit":5000,"resetAt":"2026-11-23T10:52:00Z",\
											"usedLastMinute":83,"blockedUntil":null,"blockedBecause":null}],"streams":[{"id":"p2-3",\
											"pages":[2,3],"types":["PullRequestEvent","IssueCommentEvent","WatchEvent"],\
											"eventsPerSecond":38.5,"readIntervalSeconds":1.3,"priority":1},{"id":"p1","pages":[1],\
											"types":["PushEvent","CreateEvent","DeleteEvent"],"eventsPerSecond":196.0,\
											"readIntervalSeconds":2.4,"priority":2}],"deliveryDelay":{"p50Seconds":4.2,"p99Seconds":610.0},\
											"lastError":null,"lastErrorAt":null,"stale":false}""")))))
	RouterFunction<ServerResponse> pollerStatusRoute(PollerStatusHandler handler) {
		return GetRoute.json(PATH, handler::status);
	}

}
