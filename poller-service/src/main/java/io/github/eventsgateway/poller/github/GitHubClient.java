package io.github.eventsgateway.poller.github;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Requests pages of GitHub's public events. It only fetches and reads headers; what to do
 * with the answer is the poller's decision. Errors that are not an HTTP answer (timeouts,
 * resets) end the {@link Mono} with an error.
 */
public class GitHubClient {

	/** The REST API version the poller was written against. */
	static final String API_VERSION = "2022-11-28";

	private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

	private final WebClient webClient;

	private final Duration timeout;

	private final Clock clock;

	public GitHubClient(String userAgent, Duration timeout, Clock clock) {
		HttpClient httpClient = HttpClient.create().responseTimeout(timeout);
		this.webClient = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY_BYTES))
			.defaultHeader(HttpHeaders.USER_AGENT, userAgent)
			.defaultHeader(HttpHeaders.ACCEPT, "application/vnd.github+json")
			.defaultHeader("X-GitHub-Api-Version", API_VERSION)
			.build();
		this.timeout = timeout;
		this.clock = clock;
	}

	/**
	 * Requests one page.
	 * @param url the page's URL, exactly as configured or as a {@code Link} header gave
	 * it
	 * @param token the token to use
	 * @param etag the {@code ETag} to send as {@code If-None-Match}, or {@code null}
	 * @return GitHub's answer, whatever its status
	 */
	public Mono<GitHubResponse> fetch(String url, GitHubToken token, String etag) {
		return this.webClient.get().uri(URI.create(url)).headers((headers) -> {
			if (!token.isAnonymous()) {
				headers.setBearerAuth(token.value());
			}
			if (etag != null) {
				headers.setIfNoneMatch(etag);
			}
		}).exchangeToMono(this::read).timeout(this.timeout);
	}

	private Mono<GitHubResponse> read(ClientResponse response) {
		return response.bodyToMono(byte[].class)
			.defaultIfEmpty(new byte[0])
			.map((body) -> toResponse(response.statusCode().value(), response.headers().asHttpHeaders(), body));
	}

	private GitHubResponse toResponse(int status, HttpHeaders headers, byte[] body) {
		return new GitHubResponse(status, body, headers.getETag(),
				LinkHeader.next(headers.getFirst(HttpHeaders.LINK)).orElse(null),
				seconds(headers.getFirst("X-Poll-Interval")), rateLimit(headers),
				retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER)));
	}

	private static RateLimit rateLimit(HttpHeaders headers) {
		Long remaining = number(headers.getFirst("x-ratelimit-remaining"));
		Long reset = number(headers.getFirst("x-ratelimit-reset"));
		if (remaining == null || reset == null) {
			return null;
		}
		Long limit = number(headers.getFirst("x-ratelimit-limit"));
		return new RateLimit((limit != null) ? limit : remaining, remaining, Instant.ofEpochSecond(reset));
	}

	private Duration retryAfter(String value) {
		Duration seconds = seconds(value);
		if (seconds != null || value == null) {
			return seconds;
		}
		try {
			Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(this.clock.instant(), at);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Duration seconds(String value) {
		Long number = number(value);
		return (number != null && number >= 0) ? Duration.ofSeconds(number) : null;
	}

	private static Long number(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Long.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
