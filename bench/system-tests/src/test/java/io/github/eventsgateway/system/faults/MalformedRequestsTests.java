package io.github.eventsgateway.system.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import io.github.eventsgateway.store.testing.SharedRedis;
import io.github.eventsgateway.store.testing.TestRedis;
import io.github.eventsgateway.system.support.JavaService;
import io.github.eventsgateway.system.support.RedisStore;
import io.github.eventsgateway.system.support.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated malformed requests, sent as raw HTTP so that no client library
 * cleans them up first: the API never answers 5xx, and every error is problem+json, those
 * that the HTTP decoder refuses by itself (malformed or oversized headers) included.
 */
@SharedRedis
class MalformedRequestsTests {

	private static final int REQUESTS = 3000;

	/** Every endpoint, with {@code {}} where a generated value goes. */
	private static final List<String> TARGETS = List.of("/api/v1/events/counts?offset={}",
			"/api/v1/events/counts?offset=10&types={}", "/api/v1/events/counts?{}",
			"/api/v1/events/counts?offset={}&types={}", "/api/v1/events/timeline?offset={}&bucket={}",
			"/api/v1/events/timeline.svg?offset={}&bucket={}", "/api/v1/repos/{}/{}/pull-requests/average-interval",
			"/api/v1/repos/{}/pull-requests/average-interval", "/api/v1/repos/made-public?limit={}",
			"/api/v1/repos/made-public?{}", "/api/v1/poller/status?{}", "/api/v1/{}", "/{}", "/api/v1/events/{}",
			"/api/v1/repos/{}/{}/pull-requests/{}");

	private static final List<String> VALUES = List.of("", "-1", "0", "-0", "1.5", "1e9", "abc", "NaN", "Infinity",
			"99999999999999999999999", "2147483648", "-2147483649", "%00", "%zz", "%", "%%", "%E2%82", "%F0%9F%99%82",
			"..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..", ".", "'%20OR%201=1--", "%3Cscript%3Ealert(1)%3C/script%3E",
			"<script>", "null", "true", "[]", "{}", "a,b,,c", ",,,", "PushEvent,", ",PushEvent", "Push%20Event",
			"PushEvent%0d%0aX-Injected:%201", "%0A", "%09", "10&offset=11", "offset", "offset=", "=", "&&&", "~",
			"owner/name", "a%2Fb", "-", "_", "a.b", "ÄÖÜ", "%C3%A4", "0x10", "+5", "5%20", "%205", "1,2", "10m",
			"PT10M", "P7D", "\\", "|", "^", "`", "{", "}");

	private static final List<String> METHODS = List.of("GET", "GET", "GET", "GET", "GET", "GET", "POST", "PUT",
			"DELETE", "PATCH");

	/**
	 * Headers added to one request in four: harmless ones, and ones the HTTP decoder
	 * refuses before any of Spring runs (control characters, no colon, a space in the
	 * name, headers over the 64 KB limit, alone or together).
	 */
	private static final List<String> HEADERS = List.of("X-Request-Id: 42", "Cookie: a=b", "X-Control: a\u0001b",
			"X-Null: a\u0000b", "X-Escape: \u001b[31m", "X-Bell: \u0007", "X-No-Colon", "X Space: a", " Folded: a",
			"Content-Length: abc", "X-Large: " + "a".repeat(70_000), "Cookie: " + "c=d; ".repeat(14_000),
			("X-Many: " + "m".repeat(8_000) + "\r\n").repeat(9).trim());

	private static final List<String> ACCEPTS = List.of("application/json", "application/json", "*/*", "*/*",
			"application/problem+json", "text/html", "application/xml", "image/svg+xml", "garbage", "");

	@Test
	@Timeout(value = 150, unit = TimeUnit.SECONDS)
	void apiNeverAnswers5xxAndEveryErrorIsProblemJson(TestRedis testRedis) throws IOException {
		SplittableRandom random = new SplittableRandom(2026);
		List<String> failures = new ArrayList<>();
		int errors = 0;
		try (JavaService api = Services.metricsApi("malformed-api", RedisStore.of(testRedis))) {
			api.awaitOk("/actuator/health/liveness", Duration.ofSeconds(90));
			for (int i = 0; i < REQUESTS; i++) {
				String method = pick(random, METHODS);
				String target = target(random);
				String accept = pick(random, ACCEPTS);
				String header = (random.nextInt(4) == 0) ? pick(random, HEADERS) : "";
				RawAnswer answer = send(api.port(), method, target, accept, header);
				if (answer.status() >= 400) {
					errors++;
				}
				boolean problem = answer.contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json");
				if (answer.status() >= 500 || answer.status() == 0 || (answer.status() >= 400 && !problem)) {
					failures.add(method + " " + target + " (Accept: " + accept + ", "
							+ header.substring(0, Math.min(20, header.length())) + ") -> " + answer.status() + " "
							+ answer.contentType());
				}
			}
		}
		assertThat(errors).as("malformed requests answered with an error").isGreaterThan(REQUESTS / 2);
		assertThat(failures.subList(0, Math.min(30, failures.size())))
			.as("answers that are 5xx, or errors that are not problem+json (first 30 of %d)", failures.size())
			.isEmpty();
	}

	private static String target(SplittableRandom random) {
		String target = pick(random, TARGETS);
		while (target.contains("{}")) {
			String value = pick(random, VALUES);
			if (random.nextInt(20) == 0) {
				value = value + "x".repeat(random.nextInt(1, 9000));
			}
			target = target.replaceFirst("\\{\\}", Matcher.quoteReplacement(value));
		}
		return target;
	}

	private static <T> T pick(SplittableRandom random, List<T> items) {
		return items.get(random.nextInt(items.size()));
	}

	/** Sends one request on a fresh connection and reads the status and Content-Type. */
	private static RawAnswer send(int port, String method, String target, String accept, String header)
			throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			StringBuilder request = new StringBuilder();
			request.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
			request.append("Host: 127.0.0.1:").append(port).append("\r\n");
			if (!accept.isEmpty()) {
				request.append("Accept: ").append(accept).append("\r\n");
			}
			if (!header.isEmpty()) {
				request.append(header).append("\r\n");
			}
			request.append(method.equals("GET") ? "" : "Content-Length: 0\r\n");
			request.append("Connection: close\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			String head = readHead(socket.getInputStream());
			if (head.isEmpty()) {
				return new RawAnswer(0, "");
			}
			String[] lines = head.split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			String contentType = "";
			for (String line : lines) {
				if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
					contentType = line.substring("content-type:".length()).trim();
				}
			}
			return new RawAnswer(status, contentType);
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		int b;
		while (matched < 4 && (b = in.read()) != -1) {
			head.write(b);
			matched = (b == end[matched]) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	private record RawAnswer(int status, String contentType) {

	}

}
