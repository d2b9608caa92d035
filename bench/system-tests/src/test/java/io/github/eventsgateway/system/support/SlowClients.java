package io.github.eventsgateway.system.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Connections that trickle their request headers, one short header every few hundred
 * milliseconds and never the blank line that ends them, as a slowloris attack does: a
 * server that waits for the end of the headers keeps them all open.
 */
public final class SlowClients {

	private static final Duration PIECE_EVERY = Duration.ofMillis(500);

	private SlowClients() {
	}

	/**
	 * Opens connections that trickle their headers until the server closes them or the
	 * time is up.
	 * @param port the server's port on 127.0.0.1
	 * @param connections how many connections
	 * @param giveUpAfter how long to keep trickling
	 * @return how long each connection the server closed had been open, in the order they
	 * were closed; connections still open when the time was up are not listed
	 */
	public static List<Duration> trickleHeaders(int port, int connections, Duration giveUpAfter) {
		List<Socket> open = new ArrayList<>();
		List<Duration> closedAfter = new ArrayList<>();
		long started = System.nanoTime();
		try {
			for (int i = 0; i < connections; i++) {
				Socket socket = new Socket("127.0.0.1", port);
				socket.setSoTimeout(1);
				send(socket, "GET /api/v1/poller/status HTTP/1.1\r\nHost: 127.0.0.1\r\n");
				open.add(socket);
			}
			for (int piece = 0; !open.isEmpty() && elapsedSince(started).compareTo(giveUpAfter) < 0; piece++) {
				Waiting.sleep(PIECE_EVERY);
				for (Socket socket : List.copyOf(open)) {
					if (isClosedByServer(socket, "X-Slow-" + piece + ": a\r\n")) {
						closedAfter.add(elapsedSince(started));
						open.remove(socket);
						close(socket);
					}
				}
			}
			return closedAfter;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			open.forEach(SlowClients::close);
		}
	}

	private static boolean isClosedByServer(Socket socket, String piece) {
		try {
			send(socket, piece);
			byte[] answer = new byte[4096];
			while (socket.getInputStream().read(answer) != -1) {
				// Whatever comes before the close: read on.
			}
			return true;
		}
		catch (SocketTimeoutException stillOpen) {
			return false;
		}
		catch (IOException reset) {
			return true;
		}
	}

	private static void send(Socket socket, String text) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(text.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	private static Duration elapsedSince(long started) {
		return Duration.ofNanos(System.nanoTime() - started);
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

}
