package io.github.eventsgateway.firehose;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.testing.GitHubJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A plain HTTP client of a running stand-in, as the tests use it.
 */
final class StandInClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Firehose firehose;

	StandInClient(Firehose firehose) {
		this.firehose = firehose;
	}

	HttpResponse<String> get(String path, String authorization) {
		return send(request(path, authorization).build());
	}

	HttpResponse<String> get(String path, String authorization, String ifNoneMatch) {
		return send(request(path, authorization).header("If-None-Match", ifNoneMatch).build());
	}

	CompletableFuture<HttpResponse<String>> getAsync(String path, String authorization) {
		return this.http.sendAsync(request(path, authorization).build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String path, String authorization) {
		return send(request(path, authorization).POST(HttpRequest.BodyPublishers.noBody()).build());
	}

	/** Page {@code page} of {@code /events?per_page=100}, read as the store reads it. */
	List<GitHubEvent> page(int page, String authorization) {
		HttpResponse<String> response = get("/events?per_page=100&page=" + page, authorization);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Page " + page + " answered " + response.statusCode());
		}
		return GitHubJson.readArray(response.body().getBytes(StandardCharsets.UTF_8));
	}

	/** Page {@code page} of {@code /events?per_page=100} as JSON trees. */
	List<JsonNode> pageJson(int page, String authorization) {
		JsonNode array = JSON.readTree(get("/events?per_page=100&page=" + page, authorization).body());
		return array.valueStream().toList();
	}

	static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	/**
	 * Waits until the stand-in has logged {@code count} requests (served ids are recorded
	 * just after the write).
	 */
	void awaitRequests(int count) {
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> this.firehose.requests().size() >= count);
	}

	HttpRequest.Builder request(String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.firehose.url() + path))
			.timeout(Duration.ofSeconds(10));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return request;
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
