package io.github.eventsgateway.api.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The live feed of the dashboard, as server-sent events.
 */
@RestController
@Tag(name = "events")
class EventStreamController {

	private static final String EXAMPLE = """
			id:42
			event:summary
			retry:2000
			data:{"at":"2026-11-23T10:15:07Z","timeline":{"offsetMinutes":60,"bucketMinutes":1,\
			"from":"2026-11-23T09:16:00Z","to":"2026-11-23T10:16:00Z","buckets":["2026-11-23T09:16:00Z","…"],\
			"series":{"PushEvent":[812,"…"]},"total":48211,"capture":{"streams":[{"stream":"p2-3",\
			"pages":[2,3],"types":["PullRequestEvent","…"],"captured":8113,"estimatedMissed":12,"share":0.9985},\
			{"stream":"p1","pages":[1],"types":["PushEvent","…"],"captured":40098,"estimatedMissed":57212,\
			"share":0.4121}],"settling":true,"settledAt":"2026-11-23T10:26:10Z"}},"poller":{"leader":"poller-7f9c",\
			"leaseHolder":"poller-7f9c","state":"POLLING","source":"github","pacing":"budget",\
			"lastPollOutcome":"200","lastSuccessAt":"2026-11-23T10:14:55Z","lagSeconds":1,"eventsStored":1843202,\
			"rateLimit":{"remaining":4712,"limit":5000,"resetAt":"2026-11-23T10:52:00Z"},\
			"pollIntervalSeconds":60,"suspectedGaps":0,"credentials":["…"],"streams":["…"],\
			"deliveryDelay":{"p50Seconds":4.2,"p99Seconds":610.0},"lastError":null,"stale":false},\
			"madePublic":[{"repo":"octo/hello","repoId":1,"madePublicAt":"2026-11-23T10:12:40Z",\
			"actor":"octo","eventId":"4242"}]}

			id:43
			event:unavailable
			retry:2000
			data:{"at":"2026-11-23T10:15:08Z","detail":"The event store (Redis) is unreachable or too slow; \
			the dashboard resumes by itself."}
			""";

	private final DashboardSummaries summaries;

	EventStreamController(DashboardSummaries summaries) {
		this.summaries = summaries;
	}

	@GetMapping(path = "/api/v1/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "A live summary every second, as server-sent events",
			description = "Each 'summary' event holds the last hour's events per minute by type (the timeline"
					+ " of GET /api/v1/events/timeline?offset=60&bucket=1), the poller's health and the"
					+ " repositories made public last. While Redis cannot be read an 'unavailable' event comes"
					+ " instead, and summaries resume by themselves. A new client gets the latest event at once."
					+ " All clients of one replica share one read of Redis per second.")
	@ApiResponse(responseCode = "200", description = "The stream; it ends when the client disconnects",
			content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
					examples = @ExampleObject(value = EXAMPLE)))
	ResponseEntity<Flux<ServerSentEvent<Object>>> stream() {
		// X-Accel-Buffering: proxies such as nginx pass each event on at once.
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("X-Accel-Buffering", "no")
			.body(this.summaries.events());
	}

}
