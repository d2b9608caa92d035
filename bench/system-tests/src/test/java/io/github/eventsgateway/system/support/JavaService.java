package io.github.eventsgateway.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One of the services run as a real {@code java -jar} process on a free port, its output
 * in {@code target/service-logs/NAME.log}. Closing it stops the process (forcibly after a
 * few seconds), so that a failing test leaves nothing running.
 */
public final class JavaService implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Path log;

	private final Process process;

	private JavaService(String name, int port, Path log, Process process) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.process = process;
	}

	/**
	 * Starts a service.
	 * @param name a name for its log file
	 * @param jar its executable jar
	 * @param environment its environment (SERVER_PORT is added)
	 * @return the service, starting
	 */
	public static JavaService start(String name, Path jar, Map<String, String> environment) {
		int port = freePort();
		Path log = Path.of("target", "service-logs", name + ".log").toAbsolutePath();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
		Map<String, String> env = new LinkedHashMap<>(environment);
		env.put("SERVER_PORT", Integer.toString(port));
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
			builder.environment().putAll(env);
			return new JavaService(name, port, log, builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public Path log() {
		return this.log;
	}

	/**
	 * Waits until the service answers a path with 200.
	 * @param path the path, such as {@code /actuator/health/liveness}
	 * @param timeout how long to wait
	 * @return this service
	 */
	public JavaService awaitOk(String path, Duration timeout) {
		await(this.name + " answering " + path + " with 200 (see " + this.log + ")").atMost(timeout)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException(
							this.name + " exited with " + this.process.exitValue() + "; see " + this.log);
				}
				return get(path).status() == 200;
			});
		return this;
	}

	/**
	 * Sends a GET and never throws: a failed exchange is status 0.
	 * @param path the path and query
	 * @return the answer
	 */
	public Answer get(String path) {
		try {
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			return new Answer(0, "", ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Kills the process at once, as {@code kill -9} does. */
	public void kill() {
		this.process.destroyForcibly();
		waitFor(Duration.ofSeconds(10));
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!waitFor(Duration.ofSeconds(5))) {
				kill();
			}
		}
	}

	private boolean waitFor(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What a service answered.
	 *
	 * @param status the status, 0 when the exchange failed
	 * @param contentType the Content-Type, or empty
	 * @param body the body
	 */
	public record Answer(int status, String contentType, String body) {

		public boolean isProblem() {
			return this.contentType.startsWith("application/problem+json");
		}

	}

}
