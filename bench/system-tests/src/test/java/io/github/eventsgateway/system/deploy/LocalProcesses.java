package io.github.eventsgateway.system.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Starting, probing and stopping the local processes these tests run (nginx, the
 * services, the local run script), always with a bound on the time.
 */
final class LocalProcesses {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private LocalProcesses() {
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether an executable is on the PATH. */
	static boolean installed(String executable) {
		return List.of(System.getenv().getOrDefault("PATH", "").split(":"))
			.stream()
			.anyMatch((directory) -> Files.isExecutable(Path.of(directory, executable)));
	}

	/** The status of a GET, or -1 when nothing answers. */
	static int status(String url) {
		try {
			return get(url).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	static HttpResponse<String> get(String url) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	/** Waits until a URL answers 200, failing with the log's tail when it does not. */
	static void awaitOk(String url, Duration timeout, Process process, Path log) {
		try {
			await(url + " answering 200").atMost(timeout)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(250))
				.until(() -> {
					if (status(url) == 200) {
						return true;
					}
					if (!process.isAlive()) {
						throw new AssertionError("Process exited with " + process.exitValue() + " before " + url
								+ " answered 200:\n" + tail(log));
					}
					return false;
				});
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError(url + " did not answer 200 within " + timeout + ":\n" + tail(log), ex);
		}
	}

	/** Runs a command to its end (bounded) and returns its exit code and output. */
	static Result run(Path directory, Duration timeout, List<String> command) throws IOException, InterruptedException {
		Path output = Files.createTempFile("command-", ".log");
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				stop(process);
				throw new AssertionError(command + " did not end within " + timeout + ":\n" + tail(output));
			}
			return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	/** Stops a process and its children: SIGTERM, then SIGKILL after 15 s. */
	static void stop(Process process) {
		List<ProcessHandle> descendants = process.descendants().toList();
		process.destroy();
		try {
			if (!process.waitFor(15, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				process.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		descendants.forEach(ProcessHandle::destroyForcibly);
	}

	static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	record Result(int exitCode, String output) {

	}

}
