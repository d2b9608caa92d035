package io.github.eventsgateway.system.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.eventsgateway.store.testing.RedisServerProcess;
import io.github.eventsgateway.system.support.JavaService;
import io.github.eventsgateway.system.support.RedisStore;
import io.github.eventsgateway.system.support.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The load balancer's configuration ({@code metrics-api/nginx/nginx.conf}): it passes
 * {@code nginx -t} as compose uses it, and, as {@code run-local.sh} rewrites it for local
 * ports, a real nginx spreads requests over two stand-in replicas, leaves out one that is
 * down, passes a store outage's 503 on at once, tells the replicas where the client
 * connected (and nothing a client forged), and streams server-sent events unbuffered; in
 * front of a real metrics-api, Swagger UI's "Try it out" gets the load balancer's
 * address.
 */
class NginxLoadBalancerTests {

	@TempDir
	Path directory;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private StubReplica first;

	private StubReplica second;

	private Process nginx;

	private int port;

	@BeforeEach
	void requireNginx() {
		assumeThat(LocalProcesses.installed("nginx"))
			.as("nginx is not installed (apt-get install nginx-light; .ci/run installs it): skipping nginx tests")
			.isTrue();
	}

	@AfterEach
	void stopEverything() {
		if (this.nginx != null) {
			LocalProcesses.stop(this.nginx);
		}
		if (this.first != null) {
			this.first.stop();
		}
		if (this.second != null) {
			this.second.stop();
		}
		this.executor.shutdownNow();
	}

	@Test
	void composeConfigurationPassesNginxTest() throws Exception {
		Path conf = Files.createDirectories(this.directory.resolve("compose"));
		// Docker's DNS name of the replicas does not resolve here: nginx -t resolves
		// upstreams.
		String config = RepositoryFiles.read("metrics-api/nginx/nginx.conf")
			.replace("server metrics-api:8080 ", "server 127.0.0.1:8080 ");
		Files.writeString(conf.resolve("nginx.conf"), config);
		LocalProcesses.Result result = nginxTest(conf);
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("test is successful");
	}

	@Test
	void localConfigurationWrittenByRunLocalPassesNginxTest() throws Exception {
		Path conf = writeLocalConfiguration(8080, 8082, 8083);
		assertThat(Files.readString(conf.resolve("nginx.conf"))).contains("server 127.0.0.1:8082 ")
			.contains("server 127.0.0.1:8083 ")
			.contains("listen 127.0.0.1:8080;")
			.doesNotContain("metrics-api:8080");
		LocalProcesses.Result result = nginxTest(conf);
		assertThat(result.exitCode()).as(result.output()).isZero();
	}

	@Test
	void spreadsRequestsOverTheReplicas() throws Exception {
		startReplicasAndNginx();
		Set<String> answeredBy = new HashSet<>();
		for (int i = 0; i < 10; i++) {
			HttpResponse<String> response = LocalProcesses.get(url("/api/v1/poller/status"));
			assertThat(response.statusCode()).isEqualTo(200);
			answeredBy.add(response.body());
		}
		assertThat(answeredBy).containsExactlyInAnyOrder("first", "second");
	}

	@Test
	void leavesOutAReplicaThatIsDown() throws Exception {
		startReplicasAndNginx();
		this.second.stop();
		for (int i = 0; i < 10; i++) {
			HttpResponse<String> response = LocalProcesses.get(url("/api/v1/events/counts"));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("first");
		}
		assertThat(this.first.requests()).isEqualTo(10);
	}

	@Test
	void passesAStoreOutageOnWithoutTryingTheOtherReplicas() throws Exception {
		startReplicasAndNginx();
		// Redis is shared: every replica answers 503 after its 1 s command timeout.
		this.first.answerStoreUnavailableAfter(Duration.ofSeconds(1));
		this.second.answerStoreUnavailableAfter(Duration.ofSeconds(1));
		for (int i = 0; i < 4; i++) {
			long started = System.nanoTime();
			HttpResponse<String> response = LocalProcesses.get(url("/api/v1/events/counts"));
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.body()).contains("urn:events-gateway:problem:store-unavailable");
			assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
			assertThat(took).as("one replica's 1 s, not one per replica").isLessThan(Duration.ofMillis(1900));
		}
		assertThat(this.first.requests() + this.second.requests()).as("requests the replicas got").isEqualTo(4);
	}

	@Test
	void tellsTheReplicasWhereTheClientConnectedAndNothingTheClientForged() throws Exception {
		startReplicasAndNginx();
		RawAnswer answer = RawAnswer.get(this.port, "/v3/api-docs", "127.0.0.1:" + this.port,
				"Forwarded: for=6.6.6.6;host=evil.example;proto=https", "X-Forwarded-Host: evil.example",
				"X-Forwarded-Port: 666", "X-Forwarded-Proto: https", "X-Forwarded-Prefix: /evil", "X-Forwarded-Ssl: on",
				"X-Forwarded-For: 6.6.6.6");
		assertThat(answer.status()).isEqualTo(200);
		Map<String, List<String>> received = lastHeaders();
		assertThat(received).containsEntry("X-forwarded-host", List.of("127.0.0.1"))
			.containsEntry("X-forwarded-port", List.of(String.valueOf(this.port)))
			.containsEntry("X-forwarded-proto", List.of("http"))
			.containsEntry("X-forwarded-for", List.of("127.0.0.1"))
			.doesNotContainKeys("Forwarded", "X-forwarded-prefix", "X-forwarded-ssl");
	}

	@Test
	void forwardsThePortTheClientUsedEvenWhenDockerMapsItToAnother() throws Exception {
		startReplicasAndNginx();
		// docker compose publishes LB_PORT (here 9180) on nginx's 8080: the browser
		// writes
		// the port it used in Host, and that is the one links must carry.
		assertThat(RawAnswer.get(this.port, "/v3/api-docs", "localhost:9180").status()).isEqualTo(200);
		assertThat(lastHeaders()).containsEntry("X-forwarded-host", List.of("localhost"))
			.containsEntry("X-forwarded-port", List.of("9180"));
		assertThat(RawAnswer.get(this.port, "/v3/api-docs", "LocalHost").status()).isEqualTo(200);
		assertThat(lastHeaders()).containsEntry("X-forwarded-host", List.of("localhost"))
			.containsEntry("X-forwarded-port", List.of("80"));
	}

	@Test
	void letsSwaggerUiTryRequestsOnTheLoadBalancersAddress() throws Exception {
		assumeThat(LocalProcesses.installed("redis-server")).as("redis-server is not installed: skipping").isTrue();
		// A Redis of its own: the only test of the class that needs one, skipped where
		// redis-server is missing, which a class-wide shared server would not allow.
		try (RedisServerProcess redis = RedisServerProcess.start();
				JavaService api = Services.metricsApi("nginx-metrics-api", RedisStore.of(redis))) {
			api.awaitOk("/actuator/health/readiness", Duration.ofSeconds(180));
			startNginx(api.port());
			assertThat(serverUrl(LocalProcesses.get(url("/v3/api-docs")).body()))
				.isEqualTo("http://127.0.0.1:" + this.port);
			assertThat(serverUrl(RawAnswer.get(this.port, "/v3/api-docs", "localhost:9180").body()))
				.isEqualTo("http://localhost:9180");
			assertThat(serverUrl(api.get("/v3/api-docs").body())).as("directly on the replica")
				.isEqualTo("http://127.0.0.1:" + api.port());
		}
	}

	@Test
	void answersItsOwnHealthAndAProblemWithoutAnyReplica() throws Exception {
		startReplicasAndNginx();
		this.first.stop();
		this.second.stop();
		assertThat(LocalProcesses.get(url("/nginx-health")).body()).isEqualTo("ok\n");
		HttpResponse<String> response = LocalProcesses.get(url("/api/v1/events/counts"));
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(response.body()).contains("\"status\":503");
	}

	@Test
	void answersAgainAsSoonAsAReplicaIsBackAfterAllWereDown() throws Exception {
		startReplicasAndNginx();
		// Every replica refuses until nginx has left each of them out (3 failures).
		this.first.stop();
		this.second.stop();
		for (int i = 0; i < 8; i++) {
			assertThat(LocalProcesses.status(url("/api/v1/events/counts"))).isEqualTo(503);
		}
		this.first.restart();
		// Within nginx's fail_timeout (10 s): the backup lines still reach it.
		assertThat(LocalProcesses.get(url("/api/v1/events/counts")).body()).isEqualTo("first");
	}

	@Test
	void streamsServerSentEventsWithoutBuffering() throws Exception {
		startReplicasAndNginx();
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/v1/events/stream"))).build();
		long started = System.nanoTime();
		HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			assertThat(reader.readLine()).startsWith("data: ");
			Duration firstEvent = Duration.ofNanos(System.nanoTime() - started);
			// The stand-in keeps the stream open 3 s after its first event: a buffering
			// proxy
			// would hold that event back until then.
			assertThat(firstEvent).isLessThan(Duration.ofMillis(2000));
		}
	}

	private void startReplicasAndNginx() throws Exception {
		this.first = new StubReplica("first", this.executor);
		this.second = new StubReplica("second", this.executor);
		startNginx(this.first.port(), this.second.port());
	}

	private void startNginx(int... apiPorts) throws Exception {
		this.port = LocalProcesses.freePort();
		Path conf = writeLocalConfiguration(this.port, apiPorts);
		Path log = this.directory.resolve("nginx.log");
		this.nginx = new ProcessBuilder("nginx", "-p", conf.toString(), "-e", log.toString(), "-c",
				conf.resolve("nginx.conf").toString(), "-g", "daemon off; pid " + conf.resolve("nginx.pid") + ";")
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("nginx-stdout.log").toFile())
			.start();
		LocalProcesses.awaitOk(url("/nginx-health"), Duration.ofSeconds(10), this.nginx, log);
	}

	private Path writeLocalConfiguration(int lbPort, int... apiPorts) throws Exception {
		Path conf = this.directory.resolve("local-nginx");
		// nginx workers run as an unprivileged user when the tests run as root.
		Files.setPosixFilePermissions(this.directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		StringBuilder ports = new StringBuilder();
		for (int apiPort : apiPorts) {
			ports.append((ports.length() > 0) ? "," : "").append(apiPort);
		}
		LocalProcesses.Result result = LocalProcesses.run(RepositoryFiles.root(), Duration.ofSeconds(20),
				List.of("env", "LB_PORT=" + lbPort, "API_PORTS=" + ports, "RUN_DIR=" + this.directory.resolve("run"),
						"bash", "run-local.sh", "--write-nginx-config", conf.toString()));
		assertThat(result.exitCode()).as(result.output()).isZero();
		return conf;
	}

	private LocalProcesses.Result nginxTest(Path conf) throws Exception {
		return LocalProcesses.run(conf, Duration.ofSeconds(20),
				List.of("nginx", "-t", "-p", conf.toString(), "-e", conf.resolve("error.log").toString(), "-c",
						conf.resolve("nginx.conf").toString(), "-g", "pid " + conf.resolve("nginx.pid") + ";"));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/** The headers the replica that answered last received. */
	private Map<String, List<String>> lastHeaders() {
		Map<String, List<String>> first = this.first.lastHeaders();
		Map<String, List<String>> second = this.second.lastHeaders();
		return (this.first.lastAt() > this.second.lastAt()) ? first : second;
	}

	private static String serverUrl(String openApi) {
		Matcher matcher = Pattern.compile("\"servers\":\\[\\{\"url\":\"([^\"]*)\"").matcher(openApi);
		assertThat(matcher.find()).as("servers in %s", openApi).isTrue();
		return matcher.group(1);
	}

	/**
	 * An answer to a request sent byte for byte, with a Host header of the test's choice
	 * (which Java's HTTP client does not allow).
	 *
	 * @param status the status code
	 * @param body the body
	 */
	private record RawAnswer(int status, String body) {

		static RawAnswer get(int port, String path, String host, String... headers) throws IOException {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				socket.setSoTimeout(10_000);
				StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
				for (String header : headers) {
					request.append(header).append("\r\n");
				}
				request.append("Connection: close\r\n\r\n");
				socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
				String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				int status = Integer.parseInt(answer.substring(9, 12));
				int bodyStart = answer.indexOf("\r\n\r\n");
				return new RawAnswer(status, (bodyStart < 0) ? "" : answer.substring(bodyStart + 4));
			}
		}

	}

	/**
	 * A stand-in for a metrics-api replica: answers every request with its name (or with
	 * the API's store-unavailable problem), remembers the headers of the last one and
	 * counts them, and answers the stream endpoint with one event, then nothing for 3 s.
	 */
	private static final class StubReplica {

		private static final byte[] STORE_UNAVAILABLE = ("{\"type\":\"urn:events-gateway:problem:store-unavailable\","
				+ "\"title\":\"Event store unavailable\",\"status\":503}")
			.getBytes(StandardCharsets.UTF_8);

		private final String name;

		private final ExecutorService executor;

		private final int port;

		private final AtomicInteger requests = new AtomicInteger();

		private HttpServer server;

		private volatile Duration storeUnavailableAfter;

		private volatile Map<String, List<String>> lastHeaders = Map.of();

		private volatile long lastAt;

		StubReplica(String name, ExecutorService executor) throws IOException {
			this.name = name;
			this.executor = executor;
			this.server = start(0);
			this.port = this.server.getAddress().getPort();
		}

		private HttpServer start(int port) throws IOException {
			HttpServer started = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
			started.setExecutor(this.executor);
			started.createContext("/", this::answer);
			started.createContext("/api/v1/events/stream", this::stream);
			started.start();
			return started;
		}

		int port() {
			return this.port;
		}

		int requests() {
			return this.requests.get();
		}

		Map<String, List<String>> lastHeaders() {
			return this.lastHeaders;
		}

		long lastAt() {
			return this.lastAt;
		}

		/** Answers as a replica does while Redis does not answer. */
		void answerStoreUnavailableAfter(Duration delay) {
			this.storeUnavailableAfter = delay;
		}

		void stop() {
			this.server.stop(0);
		}

		/** Listens again on the same port. */
		void restart() throws IOException {
			this.server = start(this.port);
		}

		private void answer(HttpExchange exchange) throws IOException {
			this.requests.incrementAndGet();
			this.lastHeaders = new TreeMap<>(exchange.getRequestHeaders());
			this.lastAt = System.nanoTime();
			Duration delay = this.storeUnavailableAfter;
			byte[] body = (delay != null) ? STORE_UNAVAILABLE : this.name.getBytes(StandardCharsets.UTF_8);
			if (delay != null) {
				sleep(delay);
				exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
				exchange.getResponseHeaders().add("Retry-After", "2");
			}
			exchange.sendResponseHeaders((delay != null) ? 503 : 200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}

		private void stream(HttpExchange exchange) throws IOException {
			exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write("data: {\"type\":\"PushEvent\"}\n\n".getBytes(StandardCharsets.UTF_8));
				out.flush();
				sleep(Duration.ofSeconds(3));
				out.write("data: {\"type\":\"WatchEvent\"}\n\n".getBytes(StandardCharsets.UTF_8));
			}
		}

		private static void sleep(Duration duration) {
			try {
				Thread.sleep(duration.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
