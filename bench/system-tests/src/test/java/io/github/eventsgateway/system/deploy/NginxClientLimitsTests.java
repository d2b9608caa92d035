package io.github.eventsgateway.system.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.eventsgateway.system.support.SlowClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The load balancer's limits ({@code metrics-api/nginx/nginx.conf}) with a real nginx in
 * front of a stand-in replica: it cuts off connections that trickle their headers,
 * answers the requests it refuses itself with problem+json, and passes API keys on and
 * the replicas' budget answers back, never retrying a refused request elsewhere.
 */
class NginxClientLimitsTests {

	/** {@code client_header_timeout} in nginx.conf. */
	private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path directory;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final AtomicInteger requestsReceived = new AtomicInteger();

	private HttpServer replica;

	private LocalNginx nginx;

	@BeforeEach
	void startReplicaAndNginx() throws Exception {
		assumeThat(LocalProcesses.installed("nginx"))
			.as("nginx is not installed (apt-get install nginx-light; .ci/run installs it): skipping nginx tests")
			.isTrue();
		this.replica = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.replica.setExecutor(this.executor);
		this.replica.createContext("/", this::answerByKey);
		this.replica.start();
		this.nginx = LocalNginx.start(this.directory, this.replica.getAddress().getPort());
	}

	@AfterEach
	void stopEverything() {
		if (this.nginx != null) {
			this.nginx.close();
		}
		if (this.replica != null) {
			this.replica.stop(0);
		}
		this.executor.shutdownNow();
	}

	@Test
	void cutsOffConnectionsThatTrickleTheirHeaders() {
		List<Duration> closedAfter = SlowClients.trickleHeaders(this.nginx.port(), 50, Duration.ofSeconds(30));
		assertThat(closedAfter).hasSize(50)
			.allSatisfy((open) -> assertThat(open).isGreaterThanOrEqualTo(HEADER_TIMEOUT.minusSeconds(1))
				.isLessThan(HEADER_TIMEOUT.plusSeconds(5)));
		assertThat(this.requestsReceived).as("trickled requests reaching the replica").hasValue(0);
	}

	@Test
	void answersRequestsItRefusesItselfWithProblems() throws IOException {
		String get = "GET /api/v1/poller/status HTTP/1.1\r\nHost: 127.0.0.1\r\n";
		assertProblem(send(get + "X-Large: " + "a".repeat(17_000) + "\r\n\r\n"), 431);
		assertProblem(send(get + ("X-Large: " + "a".repeat(8_000) + "\r\n").repeat(9) + "\r\n"), 431);
		assertProblem(send("GET /api/v1/events/counts?offset=" + "1".repeat(17_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
				414);
		assertProblem(send(get + "X-Control: a\u0000b\r\n\r\n"), 400);
		assertProblem(send("GET /api/v1/poller/\u0001status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"), 400);
		assertProblem(send("NOT HTTP AT ALL\r\n\r\n"), 400);
		assertThat(this.requestsReceived).as("refused requests reaching the replica").hasValue(0);
	}

	@Test
	void passesTheApiKeyOnAndTheBudgetAnswersBackUntouched() throws Exception {
		HttpResponse<String> allowed = get("/api/v1/events/counts", "key-of-alice");
		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.body()).isEqualTo("key-of-alice");
		assertThat(allowed.headers().firstValue("X-RateLimit-Remaining")).hasValue("9");
		this.requestsReceived.set(0);
		HttpResponse<String> refused = get("/api/v1/events/counts", "spent");
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(this.requestsReceived).as("a refused request is not retried on another replica").hasValue(1);
	}

	/** Answers 429 to the key {@code spent}, else 200 with the key it received. */
	private void answerByKey(HttpExchange exchange) throws IOException {
		this.requestsReceived.incrementAndGet();
		String key = String.valueOf(exchange.getRequestHeaders().getFirst("X-API-Key"));
		byte[] body;
		if (key.equals("spent")) {
			body = "{\"status\":429}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
			exchange.getResponseHeaders().add("Retry-After", "7");
			exchange.sendResponseHeaders(429, body.length);
		}
		else {
			body = key.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("X-RateLimit-Remaining", "9");
			exchange.sendResponseHeaders(200, body.length);
		}
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private HttpResponse<String> get(String path, String apiKey) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.nginx.url(path)))
			.header("X-API-Key", apiKey)
			.timeout(Duration.ofSeconds(5))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private String send(String rawRequest) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.nginx.port())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(rawRequest.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			return answer.toString(StandardCharsets.ISO_8859_1);
		}
	}

	private static void assertProblem(String answer, int status) {
		assertThat(answer).startsWith("HTTP/1.1 " + status);
		String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
		assertThat(head).contains("content-type: application/problem+json");
		assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4)).startsWith("{\"type\":\"about:blank\"")
			.contains("\"status\":" + status);
	}

}
