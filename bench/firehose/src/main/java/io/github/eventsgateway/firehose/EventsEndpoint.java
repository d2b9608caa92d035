package io.github.eventsgateway.firehose;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * {@code GET /events} as GitHub answers it: pages of the newest events with {@code Link},
 * weak per-page ETags and free 304s, {@code X-Poll-Interval}, the {@code x-ratelimit-*}
 * headers of the caller's budget, 401 for an unknown or expired token, the secondary rate
 * limit the caller's own requests provoke, 403 or 429 once the budget is spent, 422 past
 * the pagination cap, and the faults the {@link FaultInjector} picks.
 */
final class EventsEndpoint {

	private static final String JSON = "application/json; charset=utf-8";

	private static final String DOCS = "https://docs.github.com/rest/activity/events#list-public-events";

	private static final String SECONDARY_LIMIT_MESSAGE = "You have exceeded a secondary rate limit. "
			+ "Please wait a few minutes before you try again.";

	private final FirehoseSettings settings;

	private final Clock clock;

	private final EventFeed feed;

	private final Credentials credentials;

	private final RateLimits rateLimits;

	private final SecondaryLimits secondaryLimits;

	private final FaultInjector faults;

	private final RequestLog requests;

	EventsEndpoint(FirehoseSettings settings, EventFeed feed, Credentials credentials, RateLimits rateLimits,
			SecondaryLimits secondaryLimits, FaultInjector faults, RequestLog requests) {
		this.settings = settings;
		this.clock = settings.clock();
		this.feed = feed;
		this.credentials = credentials;
		this.rateLimits = rateLimits;
		this.secondaryLimits = secondaryLimits;
		this.faults = faults;
		this.requests = requests;
	}

	Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		Instant receivedAt = this.clock.instant();
		Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
		int perPage = Math.min(Math.max(intParameter(query, "per_page", this.settings.defaultPerPage()), 1),
				this.settings.maxPerPage());
		int page = Math.max(intParameter(query, "page", 1), 1);
		String userAgent = request.requestHeaders().get(HttpHeaderNames.USER_AGENT);
		Call call = new Call(receivedAt, userAgent, page, perPage);
		response.header("X-Poll-Interval", Integer.toString(this.settings.pollIntervalSeconds()));
		response.header("X-GitHub-Media-Type", "github.v3; format=json");
		Credentials.Credential credential = this.credentials
			.resolve(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION));
		if (!credential.accepted()) {
			return error(response, call.as(credential.name()), 401, null, "Bad credentials");
		}
		Call admitted = call.as(credential.name());
		// every request counts toward the secondary limit, whatever its answer
		boolean withinSecondaryLimit = this.secondaryLimits.admit(credential.name());
		return Mono.defer(
				() -> withinSecondaryLimit ? answer(request, response, admitted) : secondaryLimited(response, admitted))
			.doFinally((signal) -> this.secondaryLimits.release(credential.name()));
	}

	private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response, Call call) {
		String credential = call.credential();
		int page = call.page();
		int perPage = call.perPage();
		Fault fault = this.faults.next();
		if (fault == Fault.CONNECTION_RESET) {
			record(call, 0, fault, 0);
			return reset(response);
		}
		if (fault == Fault.SERVER_ERROR) {
			return error(response, call, this.faults.serverErrorStatus(), fault, "Server Error");
		}
		if (fault == Fault.SECONDARY_RATE_LIMIT) {
			response.header("retry-after", Integer.toString(this.settings.secondaryRetryAfterSeconds()));
			return error(response, call, 403, fault, SECONDARY_LIMIT_MESSAGE);
		}
		RateLimits.Usage usage = this.rateLimits.peek(credential);
		if (usage.remaining() == 0) {
			return exhausted(response, call, usage);
		}
		int lastPage = Math.max(1, (this.feed.capacity() + perPage - 1) / perPage);
		List<FeedEvent> events = this.feed.newest((page - 1) * perPage, perPage);
		String etag = etag(events, page, perPage);
		if (page <= lastPage && etag.equals(request.requestHeaders().get(HttpHeaderNames.IF_NONE_MATCH))) {
			rateLimitHeaders(response.responseHeaders(), usage);
			response.header(HttpHeaderNames.ETAG, etag);
			record(call, 304, null, 0);
			return response.status(304).send();
		}
		usage = this.rateLimits.spend(credential);
		if (!usage.spent()) {
			// spent by a concurrent request since the check above
			return exhausted(response, call, usage);
		}
		rateLimitHeaders(response.responseHeaders(), usage);
		if (page > lastPage) {
			return error(response, call, 422, null,
					"In order to keep the API fast for everyone, pagination is limited for this resource.");
		}
		response.header(HttpHeaderNames.ETAG, etag);
		response.header(HttpHeaderNames.CACHE_CONTROL, "private, max-age=60, s-maxage=60");
		String links = links(request, page, perPage, lastPage);
		if (!links.isEmpty()) {
			response.header("Link", links);
		}
		return sendPage(response, call, events, fault);
	}

	private Mono<Void> sendPage(HttpServerResponse response, Call call, List<FeedEvent> events, Fault fault) {
		byte[] body = body(events);
		if (fault == Fault.TRUNCATED_JSON) {
			body = Arrays.copyOf(body, (int) (body.length * this.faults.truncationPoint()));
		}
		response.status(200).header(HttpHeaderNames.CONTENT_TYPE, JSON);
		response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
		Mono<Void> send = response.sendByteArray(Mono.just(body)).then();
		if (fault == Fault.TRUNCATED_JSON) {
			record(call, 200, fault, 0);
			return send;
		}
		if (fault == Fault.SLOW_RESPONSE) {
			// the client has most likely given up by then: its events do not count as
			// served
			record(call, 200, fault, 0);
			return Mono.delay(this.settings.slowResponseDelay()).then(send).onErrorResume((ex) -> Mono.empty());
		}
		return send.doOnSuccess((done) -> {
			events.forEach(FeedEvent::markServed);
			record(call, 200, null, events.size());
		});
	}

	/**
	 * The secondary rate limit the caller's own requests crossed: its primary budget is
	 * untouched and says so.
	 */
	private Mono<Void> secondaryLimited(HttpServerResponse response, Call call) {
		rateLimitHeaders(response.responseHeaders(), this.rateLimits.peek(call.credential()));
		SecondaryLimitSettings limit = this.secondaryLimits.settings();
		response.header("retry-after", Long.toString(limit.retryAfterSeconds()));
		return error(response, call, limit.status(), null, SECONDARY_LIMIT_MESSAGE, true);
	}

	private Mono<Void> exhausted(HttpServerResponse response, Call call, RateLimits.Usage usage) {
		rateLimitHeaders(response.responseHeaders(), usage);
		return error(response, call, this.settings.exhaustedStatus(), null,
				"API rate limit exceeded for " + call.credential() + ".");
	}

	private Mono<Void> error(HttpServerResponse response, Call call, int status, Fault fault, String message) {
		return error(response, call, status, fault, message, false);
	}

	private Mono<Void> error(HttpServerResponse response, Call call, int status, Fault fault, String message,
			boolean secondaryLimitProvoked) {
		this.requests.add(new RecordedRequest(call.receivedAt(), call.credential(), call.userAgent(), call.page(),
				call.perPage(), status, fault, 0, RecordedRequest.EVENTS, secondaryLimitProvoked));
		byte[] body = errorBody(status, message);
		return response.status(status)
			.header(HttpHeaderNames.CONTENT_TYPE, JSON)
			.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
			.sendByteArray(Mono.just(body))
			.then();
	}

	/** Closes the connection with SO_LINGER 0, which sends a TCP RST. */
	private static Mono<Void> reset(HttpServerResponse response) {
		response.withConnection((connection) -> {
			connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
			connection.channel().close();
		});
		return Mono.empty();
	}

	private void record(Call call, int status, Fault fault, int eventsServed) {
		this.requests.add(new RecordedRequest(call.receivedAt(), call.credential(), call.userAgent(), call.page(),
				call.perPage(), status, fault, eventsServed, RecordedRequest.EVENTS, false));
	}

	/** GitHub's error body. */
	static byte[] errorBody(int status, String message) {
		return ("{\"message\":\"" + message + "\",\"documentation_url\":\"" + DOCS + "\",\"status\":\"" + status
				+ "\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static void rateLimitHeaders(HttpHeaders headers, RateLimits.Usage usage) {
		headers.set("x-ratelimit-limit", usage.limit());
		headers.set("x-ratelimit-remaining", usage.remaining());
		headers.set("x-ratelimit-reset", usage.resetAt().getEpochSecond());
		headers.set("x-ratelimit-used", usage.used());
		headers.set("x-ratelimit-resource", "core");
	}

	/** The page's JSON array, copied from each event's bytes. */
	static byte[] body(List<FeedEvent> events) {
		int length = 2 + Math.max(0, events.size() - 1);
		for (FeedEvent event : events) {
			length += event.json().length;
		}
		byte[] body = new byte[length];
		int at = 0;
		body[at++] = '[';
		for (int i = 0; i < events.size(); i++) {
			if (i > 0) {
				body[at++] = ',';
			}
			byte[] json = events.get(i).json();
			System.arraycopy(json, 0, body, at, json.length);
			at += json.length;
		}
		body[at] = ']';
		return body;
	}

	/** A weak ETag that changes whenever the events on the page change. */
	static String etag(List<FeedEvent> events, int page, int perPage) {
		long hash = 0xcbf29ce484222325L;
		for (FeedEvent event : events) {
			hash = (hash ^ event.id()) * 0x100000001b3L;
		}
		return "W/\"" + Long.toHexString(hash) + "-" + page + "-" + perPage + "\"";
	}

	private static String links(HttpServerRequest request, int page, int perPage, int lastPage) {
		String host = request.requestHeaders().get(HttpHeaderNames.HOST, "localhost");
		String base = "<http://" + host + "/events?per_page=" + perPage + "&page=";
		StringBuilder links = new StringBuilder();
		if (page < lastPage) {
			links.append(base).append(page + 1).append(">; rel=\"next\", ");
			links.append(base).append(lastPage).append(">; rel=\"last\"");
		}
		if (page > 1) {
			links.append((links.length() > 0) ? ", " : "");
			links.append(base).append(page - 1).append(">; rel=\"prev\", ");
			links.append(base).append(1).append(">; rel=\"first\"");
		}
		return links.toString();
	}

	private static int intParameter(Map<String, List<String>> query, String name, int fallback) {
		List<String> values = query.get(name);
		if (values == null || values.isEmpty()) {
			return fallback;
		}
		try {
			return Integer.parseInt(values.get(0));
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	/** What the request log keeps of a request before it is answered. */
	private record Call(Instant receivedAt, String userAgent, int page, int perPage, String credential) {

		Call(Instant receivedAt, String userAgent, int page, int perPage) {
			this(receivedAt, userAgent, page, perPage, null);
		}

		Call as(String credential) {
			return new Call(this.receivedAt, this.userAgent, this.page, this.perPage, credential);
		}

	}

}
