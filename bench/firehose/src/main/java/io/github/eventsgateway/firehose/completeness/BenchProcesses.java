package io.github.eventsgateway.firehose.completeness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops the processes a benchmark run needs: a throwaway {@code redis-server}
 * and the poller's executable jar.
 */
public final class BenchProcesses {

	private BenchProcesses() {
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Process redis(int port, Path directory) {
		Process redis = start(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save",
				"", "--appendonly", "no", "--dir", directory.toString()), Map.of(), directory.resolve("redis.log"));
		awaitListening(redis, port, Duration.ofSeconds(10));
		return redis;
	}

	public static Process javaJar(Path jar, Map<String, String> environment, Path log) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Build it first (mvn -pl poller-service package): no " + jar);
		}
		// a copy, so that a rebuild of the jar during the run cannot pull classes from
		// under it
		Path copy = log.resolveSibling(jar.getFileName());
		try {
			Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return start(List.of(java, "-Xmx512m", "-jar", copy.toString()), environment, log);
	}

	public static void stop(Process process) {
		if (process != null && process.isAlive()) {
			process.destroy();
			try {
				if (!process.waitFor(10, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
	}

	private static Process start(List<String> command, Map<String, String> environment, Path log) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + command.get(0), ex);
		}
	}

	private static void awaitListening(Process process, int port, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline) && process.isAlive()) {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException ex) {
				sleep(Duration.ofMillis(50));
			}
		}
		throw new IllegalStateException("Nothing listens on port " + port);
	}

	public static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
