package io.github.eventsgateway.system.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
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
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
 * down or shutting down, and streams server-sent events unbuffered.
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
	}

	@Test
	void retriesOnAnotherReplicaWhenOneIsShuttingDown() throws Exception {
		startReplicasAndNginx();
		this.second.answer503();
		for (int i = 0; i < 10; i++) {
			HttpResponse<String> response = LocalProcesses.get(url("/api/v1/events/counts"));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("first");
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
	void answersAgainAsSoonAsEveryReplicaRecovers() throws Exception {
		startReplicasAndNginx();
		// All replicas answer 503 (Redis away) until nginx has left every one of them
		// out.
		this.first.answer503();
		this.second.answer503();
		for (int i = 0; i < 8; i++) {
			assertThat(LocalProcesses.status(url("/api/v1/events/counts"))).isEqualTo(503);
		}
		this.first.recover();
		this.second.recover();
		// Within nginx's fail_timeout (10 s): the backup lines still reach them.
		assertThat(LocalProcesses.status(url("/api/v1/events/counts"))).isEqualTo(200);
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
		this.port = LocalProcesses.freePort();
		Path conf = writeLocalConfiguration(this.port, this.first.port(), this.second.port());
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

	/**
	 * A stand-in for a metrics-api replica: answers every request with its name, and the
	 * stream endpoint with one event, then nothing for 3 s.
	 */
	private static final class StubReplica {

		private final HttpServer server;

		private volatile boolean shuttingDown;

		StubReplica(String name, ExecutorService executor) throws IOException {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.setExecutor(executor);
			this.server.createContext("/", (exchange) -> answer(exchange, name));
			this.server.createContext("/api/v1/events/stream", this::stream);
			this.server.start();
		}

		int port() {
			return this.server.getAddress().getPort();
		}

		void answer503() {
			this.shuttingDown = true;
		}

		void recover() {
			this.shuttingDown = false;
		}

		void stop() {
			this.server.stop(0);
		}

		private void answer(HttpExchange exchange, String name) throws IOException {
			byte[] body = name.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(this.shuttingDown ? 503 : 200, body.length);
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
				Thread.sleep(3000);
				out.write("data: {\"type\":\"WatchEvent\"}\n\n".getBytes(StandardCharsets.UTF_8));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
