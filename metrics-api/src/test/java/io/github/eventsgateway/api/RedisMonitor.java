package io.github.eventsgateway.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Watches the commands a Redis server receives ({@code MONITOR}), to count the round
 * trips a request costs. Commands that scripts run inside Redis are reported as
 * {@code [0 lua]} and are not round trips.
 */
final class RedisMonitor implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	RedisMonitor(int port) {
		try {
			this.socket = new Socket("127.0.0.1", port);
			this.socket.getOutputStream().write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
			this.in = this.socket.getInputStream();
			readAvailable();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The commands clients sent since the last call, scripts' own commands left out. */
	List<String> clientCommands() {
		return Arrays.stream(readAvailable().split("\r\n"))
			.filter((line) -> line.startsWith("+") && line.contains(" ["))
			.filter((line) -> !line.contains(" lua]"))
			.toList();
	}

	/**
	 * The commands clients sent since the last call, scripts' own commands and the API
	 * replicas' confirmations of the store's version (a {@code GET} every 100 ms) left
	 * out: what requests cost.
	 */
	List<String> requestCommands() {
		return clientCommands().stream().filter((line) -> !line.contains("\"GET\" \"ghe:{events}:version\"")).toList();
	}

	/**
	 * Reads until 300 ms pass without a command, or for a second at most: the replicas'
	 * version confirmations (every 100 ms) never leave Redis quiet for long.
	 */
	private String readAvailable() {
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		long deadline = System.nanoTime() + 1_000_000_000L;
		try {
			this.socket.setSoTimeout(300);
			while (System.nanoTime() < deadline) {
				int count = this.in.read(buffer);
				if (count < 0) {
					break;
				}
				read.write(buffer, 0, count);
			}
		}
		catch (SocketTimeoutException ex) {
			// Nothing more for now.
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return read.toString(StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
