package io.github.eventsgateway.poller.github;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import io.github.eventsgateway.poller.github.GitHubEventCodec.DecodedEvents;
import io.github.eventsgateway.poller.github.PageAnswer.Outcome;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link GitHubOperations} over Spring's {@link WebClient}, built from Spring Boot's
 * builder so that every request shows in the {@code http.client.requests} metrics (by URI
 * template, never by URL). Requests only ever go to the configured API URL: pages are
 * asked for by number, and {@code Link} headers are read, never followed.
 */
public class GitHubTemplate implements GitHubOperations {

	/** The REST API version the poller was written against. */
	static final String API_VERSION = "2022-11-28";

	/** Enough for a page of 100 events with GitHub's largest payloads. */
	private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebClient webClient;

	private final URI origin;

	private final Duration timeout;

	private final Clock clock;

	/**
	 * Creates the client.
	 * @param builder Spring Boot's {@link WebClient.Builder} (observed)
	 * @param apiUrl GitHub's API root, such as {@code https://api.github.com}
	 * @param userAgent the {@code User-Agent} sent
	 * @param timeout how long one request may take
	 * @param clock the clock that stamps requests and answers
	 */
	public GitHubTemplate(WebClient.Builder builder, String apiUrl, String userAgent, Duration timeout, Clock clock) {
		this.webClient = builder.baseUrl(apiUrl)
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(timeout)))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY_BYTES))
			.defaultHeader(HttpHeaders.USER_AGENT, userAgent)
			.defaultHeader(HttpHeaders.ACCEPT, "application/vnd.github+json")
			.defaultHeader("X-GitHub-Api-Version", API_VERSION)
			.build();
		this.origin = URI.create(apiUrl);
		this.timeout = timeout;
		this.clock = clock;
	}

	@Override
	public Mono<PageAnswer> events(int page, String authorization, String etag) {
		return Mono.defer(() -> {
			Instant sentAt = this.clock.instant();
			return this.webClient.get().uri("/events?per_page={perPage}&page={page}", 100, page).headers((headers) -> {
				if (authorization != null) {
					headers.set(HttpHeaders.AUTHORIZATION, authorization);
				}
				if (etag != null) {
					headers.set(HttpHeaders.IF_NONE_MATCH, etag);
				}
			})
				.exchangeToMono((response) -> response.bodyToMono(byte[].class)
					.defaultIfEmpty(new byte[0])
					.map((body) -> classify(response, body, sentAt)))
				.timeout(this.timeout)
				.onErrorResume((ex) -> Mono.just(failed(describe(ex), sentAt)));
		});
	}

	@Override
	public Mono<InstallationToken> createInstallationToken(String installationId, String jwt) {
		return this.webClient.post()
			.uri("/app/installations/{id}/access_tokens", installationId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + jwt)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchangeToMono((response) -> response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.flatMap((body) -> installationToken(response.statusCode().value(), body)))
			.timeout(this.timeout)
			.onErrorMap((ex) -> !(ex instanceof GitHubAppException),
					(ex) -> new GitHubAppException("GitHub App token request failed: " + describe(ex)));
	}

	private Mono<InstallationToken> installationToken(int status, byte[] body) {
		if (status != HttpStatus.CREATED.value() && status != HttpStatus.OK.value()) {
			return Mono.error(new GitHubAppException(
					"GitHub answered " + status + " to the App's token request" + messageOf(body)));
		}
		try {
			JsonNode json = JSON.readTree(body);
			String token = json.path("token").asString("");
			Instant expiresAt = Instant.parse(json.path("expires_at").asString(""));
			if (token.isEmpty()) {
				return Mono.error(new GitHubAppException("GitHub's App token answer holds no token"));
			}
			return Mono.just(new InstallationToken(token, expiresAt));
		}
		catch (JacksonException | DateTimeParseException ex) {
			return Mono.error(new GitHubAppException("GitHub's App token answer cannot be read"));
		}
	}

	private PageAnswer classify(ClientResponse response, byte[] body, Instant sentAt) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		RateLimit rateLimit = rateLimit(headers);
		Duration pollInterval = seconds(headers.getFirst("X-Poll-Interval"));
		Duration retryAfter = retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER));
		LinkHeader link = LinkHeader.of(headers.getFirst(HttpHeaders.LINK));
		String refusedLink = link.foreignOrigin(this.origin).orElse(null);
		Integer lastPage = (refusedLink == null) ? link.lastPage().orElse(null) : null;
		Instant answeredAt = this.clock.instant();
		if (status == 200) {
			try {
				DecodedEvents decoded = GitHubEventCodec.readArray(body);
				return new PageAnswer(Outcome.EVENTS, status, decoded.events(), decoded.dropped(), headers.getETag(),
						rateLimit, pollInterval, retryAfter, lastPage, refusedLink, null, sentAt, answeredAt);
			}
			catch (MalformedEventsException ex) {
				return new PageAnswer(Outcome.FAILED, status, List.of(), 0, null, rateLimit, pollInterval, retryAfter,
						null, refusedLink, "Malformed JSON from GitHub: " + oneLine(ex.getMessage()), sentAt,
						answeredAt);
			}
		}
		Outcome outcome = outcome(status, rateLimit, retryAfter, body);
		String problem = (outcome == Outcome.NOT_MODIFIED) ? null : "GitHub answered " + status + messageOf(body);
		return new PageAnswer(outcome, status, List.of(), 0, headers.getETag(), rateLimit, pollInterval, retryAfter,
				lastPage, refusedLink, problem, sentAt, answeredAt);
	}

	private static Outcome outcome(int status, RateLimit rateLimit, Duration retryAfter, byte[] body) {
		if (status == 304) {
			return Outcome.NOT_MODIFIED;
		}
		if (status == 401) {
			return Outcome.UNAUTHORIZED;
		}
		if (status == 403 || status == 429) {
			if (rateLimit != null && rateLimit.isExhausted()) {
				return Outcome.PRIMARY_LIMIT;
			}
			boolean limited = status == 429 || retryAfter != null
					|| new String(body, 0, Math.min(body.length, 2048), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)
						.contains("rate limit");
			return limited ? Outcome.SECONDARY_LIMIT : Outcome.REFUSED;
		}
		if (status == 422 || status == 404) {
			return Outcome.NO_SUCH_PAGE;
		}
		return (status >= 500) ? Outcome.SERVER_ERROR : Outcome.REFUSED;
	}

	private PageAnswer failed(String problem, Instant sentAt) {
		return new PageAnswer(Outcome.FAILED, 0, List.of(), 0, null, null, null, null, null, null, problem, sentAt,
				this.clock.instant());
	}

	/** One line on a failure, without any URL or header that could hold a secret. */
	static String describe(Throwable ex) {
		if (ex instanceof TimeoutException) {
			return "GitHub did not answer in time";
		}
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		return "Request to GitHub failed: " + cause.getClass().getSimpleName()
				+ ((cause.getMessage() != null) ? ": " + oneLine(cause.getMessage()) : "");
	}

	/** GitHub's {@code message} of an error body, as {@code ": message"}, or nothing. */
	private static String messageOf(byte[] body) {
		try {
			String message = JSON.readTree(body).path("message").asString("");
			return message.isBlank() ? "" : ": " + oneLine(message);
		}
		catch (JacksonException ex) {
			return "";
		}
	}

	private static String oneLine(String message) {
		String line = message.replaceAll("[\\p{Cntrl}]+", " ").trim();
		return (line.length() > 200) ? line.substring(0, 200) + "…" : line;
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
