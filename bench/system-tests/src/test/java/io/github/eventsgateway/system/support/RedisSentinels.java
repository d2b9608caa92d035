package io.github.eventsgateway.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.lettuce.core.RedisClient;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;

import static org.awaitility.Awaitility.await;

/**
 * Redis Sentinels, real {@code redis-server --sentinel} processes on free ports, watching
 * one master under the name {@value #MASTER}: they notice its death within
 * {@value #DOWN_AFTER_MILLIS} ms and promote a replica.
 */
public final class RedisSentinels implements AutoCloseable {

	/** The name the sentinels know the master by. */
	public static final String MASTER = "gateway";

	static final int DOWN_AFTER_MILLIS = 1000;

	private static final String EXECUTABLE = System.getProperty("redis.server", "redis-server");

	private final List<Integer> ports = new ArrayList<>();

	private final List<Process> processes = new ArrayList<>();

	private RedisSentinels() {
	}

	/**
	 * Starts sentinels watching a master, with a quorum of a majority.
	 * @param count how many
	 * @param masterPort the master's port on 127.0.0.1
	 * @return the sentinels, listening
	 */
	public static RedisSentinels start(int count, int masterPort) {
		RedisSentinels sentinels = new RedisSentinels();
		try {
			for (int i = 0; i < count; i++) {
				sentinels.startOne(masterPort, count / 2 + 1);
			}
		}
		catch (RuntimeException ex) {
			sentinels.close();
			throw ex;
		}
		return sentinels;
	}

	/** The sentinels as Spring Boot takes them: {@code 127.0.0.1:port,...}. */
	public String nodes() {
		return this.ports.stream().map((port) -> "127.0.0.1:" + port).collect(Collectors.joining(","));
	}

	/**
	 * The environment that points a service at the master through these sentinels, as an
	 * operator sets it (the services' {@code application-sentinel.yml}).
	 * @return the variables
	 */
	public Map<String, String> environment() {
		return Map.of("REDIS_TOPOLOGY", "sentinel", "REDIS_SENTINEL_MASTER", MASTER, "REDIS_SENTINEL_NODES", nodes());
	}

	/**
	 * The master's port as the first sentinel names it now.
	 * @return the port
	 */
	public int masterPort() {
		RedisClient client = RedisClient.create("redis://127.0.0.1:" + this.ports.get(0));
		try (StatefulRedisSentinelConnection<String, String> connection = client.connectSentinel()) {
			return ((InetSocketAddress) connection.sync().getMasterAddrByName(MASTER)).getPort();
		}
		finally {
			client.shutdown();
		}
	}

	@Override
	public void close() {
		for (Process process : this.processes) {
			process.destroyForcibly();
			try {
				process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void startOne(int masterPort, int quorum) {
		try {
			int port = freePort();
			Path directory = Files.createTempDirectory("redis-sentinel-");
			Path config = directory.resolve("sentinel.conf");
			Files.writeString(config, String.join("\n", "port " + port, "bind 127.0.0.1", "dir " + directory,
					"sentinel monitor " + MASTER + " 127.0.0.1 " + masterPort + " " + quorum,
					"sentinel down-after-milliseconds " + MASTER + " " + DOWN_AFTER_MILLIS,
					"sentinel failover-timeout " + MASTER + " 5000", "sentinel parallel-syncs " + MASTER + " 1", ""));
			Process process = new ProcessBuilder(EXECUTABLE, config.toString(), "--sentinel").redirectErrorStream(true)
				.redirectOutput(directory.resolve("sentinel.log").toFile())
				.start();
			this.processes.add(process);
			this.ports.add(port);
			awaitListening(port, process, directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void awaitListening(int port, Process process, Path directory) {
		await("the sentinel listening on port " + port + " (see " + directory + ")").atMost(Duration.ofSeconds(10))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("redis-server --sentinel exited; see " + directory);
				}
				try (Socket socket = new Socket("127.0.0.1", port)) {
					return true;
				}
				catch (IOException ex) {
					return false;
				}
			});
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
