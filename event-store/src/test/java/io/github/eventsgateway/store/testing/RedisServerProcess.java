package io.github.eventsgateway.store.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A throwaway {@code redis-server} process on a free port, with its data in a temporary
 * folder, that a test may kill ({@code kill -9}), restart on the same port, or stop.
 * Tests use it instead of a shared Redis, so that they can break it.
 */
public final class RedisServerProcess implements AutoCloseable {

	private static final String EXECUTABLE = System.getProperty("redis.server", "redis-server");

	private final int port;

	private final Path directory;

	private final List<String> extraArguments;

	private Process process;

	private RedisServerProcess(int port, Path directory, List<String> extraArguments) {
		this.port = port;
		this.directory = directory;
		this.extraArguments = extraArguments;
	}

	/**
	 * Starts a Redis server that keeps nothing on disk.
	 * @param extraArguments more {@code redis-server} arguments, such as
	 * {@code --requirepass secret}
	 * @return the running server
	 */
	public static RedisServerProcess start(String... extraArguments) {
		try {
			RedisServerProcess server = new RedisServerProcess(freePort(), Files.createTempDirectory("redis-test-"),
					List.of(extraArguments));
			server.startProcess();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	/** The URL to reach it, as {@code REDIS_URL} takes it. */
	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	public boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/** Kills the server at once, as {@code kill -9} would. */
	public void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
			waitFor(this.process);
			this.process = null;
		}
	}

	/** Starts the server again on the same port (empty, as it keeps nothing on disk). */
	public void restart() {
		kill();
		startProcess();
	}

	@Override
	public void close() {
		kill();
	}

	private void startProcess() {
		List<String> command = new ArrayList<>(List.of(EXECUTABLE, "--port", Integer.toString(this.port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.directory.toString()));
		command.addAll(this.extraArguments);
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.directory.resolve("redis.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Tests need 'redis-server' on the PATH (Debian: apt-get install redis-server)"
							+ " or -Dredis.server=/path/to/redis-server; could not run '" + EXECUTABLE + "'",
					ex);
		}
		awaitListening();
	}

	private void awaitListening() {
		await("redis-server listening on port " + this.port).atMost(Duration.ofSeconds(10))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.until(this::listening);
	}

	private boolean listening() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("redis-server exited at start; see " + this.directory.resolve("redis.log"));
		}
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	private static void waitFor(Process process) {
		try {
			process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
