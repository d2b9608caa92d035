package io.github.eventsgateway.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.eventsgateway.api.RawHttp.Response;
import io.github.eventsgateway.store.testing.SharedRedis;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the HTTP server does before Spring sees a request: requests its decoder refuses
 * get problem+json like every other error, and connections that trickle their request are
 * closed once the idle timeout (shortened here to 2 s) has passed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = BelowTheApplicationTests.SHORT_IDLE_TIMEOUT)
@SharedRedis
class BelowTheApplicationTests {

	static final String SHORT_IDLE_TIMEOUT = "server.netty.idle-timeout=2s";

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@Test
	void answersHeadersOverTheLimitWith431Problem() {
		Response response = RawHttp.send(this.port, request("X-Large: " + "a".repeat(70_000)));
		assertDecoderProblem(response, 431, "The request headers are larger than this server accepts");
	}

	@Test
	void answersARequestLineOverTheLimitWith414Problem() {
		Response response = RawHttp.send(this.port, "GET /api/v1/events/counts?offset=" + "1".repeat(70_000)
				+ " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
		assertDecoderProblem(response, 414, "The request line (method, path and query) is longer");
	}

	@Test
	void answersControlCharactersAndMalformedHeadersWith400Problem() {
		for (String header : List.of("X-Control: a\u0000b", "X-Control: a\u0001b", "X Space: a", "X-No-Colon",
				"X-Escape: \u001b[31m", "Content-Length: abc", "Content-Length: -1",
				"Content-Length: 1\r\nContent-Length: 2")) {
			Response response = RawHttp.send(this.port, request(header));
			assertDecoderProblem(response, 400, "The request is not valid HTTP/1.1");
		}
	}

	@Test
	void answersUnknownActuatorPathsWithProblems() {
		for (String path : List.of("/actuator/health/nope", "/actuator/health/readiness/nope", "/actuator/nope")) {
			Response response = RawHttp.send(this.port, "GET", path);
			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat(response.contentType()).as(path).startsWith("application/problem+json");
			assertThat(JSON.readValue(response.body(), MAP)).as(path)
				.containsEntry("status", 404)
				.containsEntry("instance", path);
		}
	}

	@Test
	void closesConnectionsThatTrickleTheirHeaders() {
		List<Duration> closedAfter = trickle(20, "GET /api/v1/poller/status HTTP/1.1\r\nHost: 127.0.0.1\r\n",
				(i) -> "X-Slow-" + i + ": a\r\n");
		assertThat(closedAfter).hasSize(20)
			.allSatisfy((open) -> assertThat(open).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(500))
				.isLessThan(TIMEOUT.plusSeconds(4)));
	}

	@Test
	void closesConnectionsThatTrickleABody() {
		List<Duration> closedAfter = trickle(5, "POST /api/v1/poller/status HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n", (i) -> "a");
		assertThat(closedAfter).hasSize(5).allSatisfy((open) -> assertThat(open).isLessThan(TIMEOUT.plusSeconds(4)));
	}

	@Test
	void keepsAConnectionThatSendsRequestsInTimeAndClosesItOnceIdle() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(5_000);
			for (int i = 0; i < 3; i++) {
				sendLine(socket, "GET /api/v1/poller/status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
				assertThat(readAnswer(socket.getInputStream())).startsWith("HTTP/1.1 200");
				pause(Duration.ofMillis(1_000));
			}
			long idleSince = System.nanoTime();
			assertThat(socket.getInputStream().read()).as("end of stream once idle").isEqualTo(-1);
			assertThat(Duration.ofNanos(System.nanoTime() - idleSince)).isLessThan(TIMEOUT.plusSeconds(3));
		}
	}

	private static void assertDecoderProblem(Response response, int status, String detail) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		Map<String, Object> problem = JSON.readValue(response.body(), MAP);
		assertThat(problem).containsEntry("type", "about:blank")
			.containsEntry("status", status)
			.containsKey("title")
			.doesNotContainKey("instance");
		assertThat((String) problem.get("detail")).startsWith(detail);
	}

	private static String request(String header) {
		return "GET /api/v1/poller/status HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header + "\r\nConnection: close\r\n\r\n";
	}

	/**
	 * Opens connections that send a start, then one more piece every 250 ms, until the
	 * server closes them or 15 s have passed.
	 * @return how long each connection the server closed stayed open
	 */
	private List<Duration> trickle(int connections, String start, IntFunction<String> piece) {
		List<Socket> sockets = new ArrayList<>();
		List<Duration> closedAfter = new ArrayList<>();
		long started = System.nanoTime();
		try {
			for (int i = 0; i < connections; i++) {
				Socket socket = new Socket("127.0.0.1", this.port);
				socket.setSoTimeout(1);
				sendLine(socket, start);
				sockets.add(socket);
			}
			for (int i = 0; !sockets.isEmpty()
					&& Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(15)) < 0; i++) {
				pause(Duration.ofMillis(250));
				for (Socket socket : List.copyOf(sockets)) {
					if (isClosedByServer(socket, piece.apply(i))) {
						closedAfter.add(Duration.ofNanos(System.nanoTime() - started));
						sockets.remove(socket);
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
			sockets.forEach(BelowTheApplicationTests::close);
		}
	}

	private static boolean isClosedByServer(Socket socket, String piece) {
		try {
			sendLine(socket, piece);
			byte[] answer = new byte[4096];
			while (socket.getInputStream().read(answer) != -1) {
				// An answer before the close (a 405 for the body): read on.
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

	private static void sendLine(Socket socket, String text) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(text.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	/** Reads one answer, its body by its Content-Length, and gives its status line. */
	private static String readAnswer(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b == -1) {
				break;
			}
			head.append((char) b);
		}
		Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
		if (length.find()) {
			in.readNBytes(Integer.parseInt(length.group(1)));
		}
		return head.toString().lines().findFirst().orElse("");
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
