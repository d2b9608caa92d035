package io.github.eventsgateway.firehose;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger over HTTP, for a benchmark that runs the stand-in as its own process, and
 * the one knob such a benchmark turns (a stream's rate). Not GitHub's: these requests are
 * not logged, counted or limited.
 *
 * <ul>
 * <li>{@code GET /_ledger}: a JSON summary per stream and per credential;</li>
 * <li>{@code GET /_ledger/ids?stream=other&what=visible|served|unserved}: ids, one a
 * line, ascending;</li>
 * <li>{@code GET /_ledger/minutes?stream=other&by=visibility|creation}: CSV of visible
 * and served events per minute;</li>
 * <li>{@code POST /_control/rate?stream=push&events_per_second=300}: changes a stream's
 * rate (204).</li>
 * </ul>
 */
final class LedgerEndpoint {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Firehose firehose;

	LedgerEndpoint(Firehose firehose) {
		this.firehose = firehose;
	}

	Mono<Void> summary(HttpServerRequest request, HttpServerResponse response) {
		return send(response, 200, "application/json", JSON.writeValueAsBytes(summary()));
	}

	Mono<Void> ids(HttpServerRequest request, HttpServerResponse response) {
		Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
		try {
			StreamLedger ledger = this.firehose.ledger(FeedStream.of(parameter(query, "stream", "all")));
			String what = parameter(query, "what", "visible");
			IdSet ids = switch (what) {
				case "visible" -> ledger.visibleIds();
				case "served" -> ledger.servedIds();
				case "unserved" -> ledger.unservedIds();
				default -> throw new IllegalArgumentException("what is visible, served or unserved, not " + what);
			};
			StringBuilder text = new StringBuilder(ids.size() * 15);
			ids.stream().forEach((id) -> text.append(id).append('\n'));
			return send(response, 200, "text/plain; charset=utf-8", text.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			return badRequest(response, ex);
		}
	}

	Mono<Void> minutes(HttpServerRequest request, HttpServerResponse response) {
		Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
		try {
			StreamLedger ledger = this.firehose.ledger(FeedStream.of(parameter(query, "stream", "all")));
			String by = parameter(query, "by", "visibility");
			Map<Instant, StreamLedger.MinuteCount> minutes = switch (by) {
				case "visibility" -> ledger.perMinuteOfVisibility();
				case "creation" -> ledger.perMinuteOfCreation();
				default -> throw new IllegalArgumentException("by is visibility or creation, not " + by);
			};
			StringBuilder csv = new StringBuilder("minute,visible,served\n");
			minutes.forEach((minute, count) -> csv.append(minute)
				.append(',')
				.append(count.visible())
				.append(',')
				.append(count.served())
				.append('\n'));
			return send(response, 200, "text/csv; charset=utf-8", csv.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			return badRequest(response, ex);
		}
	}

	Mono<Void> rate(HttpServerRequest request, HttpServerResponse response) {
		Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
		try {
			FeedStream stream = FeedStream.of(parameter(query, "stream", "all"));
			double eventsPerSecond = Double.parseDouble(parameter(query, "events_per_second", "-1"));
			this.firehose.eventsPerSecond(stream, eventsPerSecond);
			return request.receive().then(response.status(204).send());
		}
		catch (IllegalArgumentException ex) {
			return badRequest(response, ex);
		}
	}

	/** The summary as {@code GET /_ledger} answers it. */
	Map<String, Object> summary() {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("feed", this.firehose.feedMode().name().toLowerCase(Locale.ROOT));
		summary.put("now", this.firehose.settings().clock().instant().toString());
		Map<String, Object> streams = new LinkedHashMap<>();
		for (FeedStream stream : this.firehose.streams()) {
			StreamLedger ledger = this.firehose.ledger(stream);
			Map<String, Object> counts = new LinkedHashMap<>();
			counts.put("events_per_second", this.firehose.eventsPerSecond(stream));
			counts.put("generated", ledger.generatedCount());
			int visible = ledger.visibleCount();
			int served = ledger.servedCount();
			counts.put("visible", visible);
			counts.put("served", served);
			counts.put("unserved", visible - served);
			streams.put(stream.key(), counts);
		}
		summary.put("streams", streams);
		SecondaryLimitSettings limit = this.firehose.settings().secondaryLimit();
		Map<String, Object> secondary = new LinkedHashMap<>();
		secondary.put("per_window", limit.perWindow());
		secondary.put("window_seconds", limit.window().toMillis() / 1000.0);
		secondary.put("max_concurrent", limit.maxConcurrent());
		secondary.put("provoked", this.firehose.secondaryLimitsProvoked());
		secondary.put("injected", this.firehose.secondaryLimitsInjected());
		summary.put("secondary_limit", secondary);
		List<RequestCount> counts = this.firehose.requestCounts();
		Map<String, Long> requestsByCredential = counts.stream()
			.collect(Collectors.groupingBy(RequestCount::credential, TreeMap::new,
					Collectors.summingLong(RequestCount::count)));
		Map<String, Integer> maxInWindow = this.firehose.maxRequestsPerSecondaryWindow();
		Map<String, Long> provoked = this.firehose.secondaryLimitsProvokedByCredential();
		Map<String, Object> credentials = new LinkedHashMap<>();
		requestsByCredential.forEach((credential, requests) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("requests", requests);
			entry.put("max_requests_in_secondary_window", maxInWindow.getOrDefault(credential, 0));
			entry.put("secondary_limits_provoked", provoked.getOrDefault(credential, 0L));
			credentials.put(credential, entry);
		});
		summary.put("credentials", credentials);
		List<Map<String, Object>> requests = new ArrayList<>();
		for (RequestCount count : counts) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("path", count.path());
			entry.put("credential", count.credential());
			entry.put("page", count.page());
			entry.put("status", count.status());
			entry.put("count", count.count());
			requests.add(entry);
		}
		summary.put("requests", requests);
		return summary;
	}

	private static String parameter(Map<String, List<String>> query, String name, String fallback) {
		List<String> values = query.get(name);
		return (values == null || values.isEmpty()) ? fallback : values.get(0);
	}

	private static Mono<Void> badRequest(HttpServerResponse response, IllegalArgumentException ex) {
		return send(response, 400, "text/plain; charset=utf-8",
				(ex.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
	}

	private static Mono<Void> send(HttpServerResponse response, int status, String contentType, byte[] body) {
		return response.status(status)
			.header(HttpHeaderNames.CONTENT_TYPE, contentType)
			.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
			.sendByteArray(Mono.just(body))
			.then();
	}

}
