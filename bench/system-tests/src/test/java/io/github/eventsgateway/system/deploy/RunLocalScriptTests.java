package io.github.eventsgateway.system.deploy;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code run-local.sh}, the one command that runs the whole system without Docker: it
 * starts Redis, the poller replaying the shipped sample, an API replica and nginx,
 * answers through the load balancer, says so when Redis stops answering, leaves nothing
 * running after Ctrl-C, and its {@code --help} names every variable a local run reads.
 */
class RunLocalScriptTests {

	/** What the script sets for each service itself, whatever the environment says. */
	private static final Set<String> SET_BY_THE_SCRIPT = Set.of("SERVER_PORT");

	@Test
	void isValidBash() throws Exception {
		LocalProcesses.Result result = LocalProcesses.run(RepositoryFiles.root(), Duration.ofSeconds(10),
				List.of("bash", "-n", "run-local.sh"));
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(RepositoryFiles.path("run-local.sh")).isExecutable();
	}

	@Test
	void passesShellcheck() throws Exception {
		assumeThat(LocalProcesses.installed("shellcheck")).as("shellcheck is not installed: skipping").isTrue();
		LocalProcesses.Result result = LocalProcesses.run(RepositoryFiles.root(), Duration.ofSeconds(30),
				List.of("shellcheck", "run-local.sh"));
		assertThat(result.exitCode()).as(result.output()).isZero();
	}

	@Test
	void helpListsEveryVariableALocalRunReads() throws Exception {
		String help = RunLocalScript.help();
		Map<String, Set<String>> readers = new LinkedHashMap<>();
		readers.put(RunLocalScript.FILE, RunLocalScript.load().variables());
		ServiceConfiguration.all().forEach((service) -> readers.put(service.file(), service.variables().keySet()));
		List<String> missing = new ArrayList<>();
		readers.forEach((file, variables) -> variables.stream()
			.filter((variable) -> !SET_BY_THE_SCRIPT.contains(variable))
			.filter((variable) -> !Pattern.compile("\\b" + variable + "\\b").matcher(help).find())
			.forEach((variable) -> missing
				.add(RunLocalScript.FILE + " --help does not mention " + variable + ", which " + file + " reads")));
		assertThat(missing).isEmpty();
	}

	@Test
	void runsTheSampleBehindTheLoadBalancerAndStopsEverythingOnCtrlC(@TempDir Path directory) throws Exception {
		assumeThat(LocalProcesses.installed("redis-server")).as("redis-server is not installed: skipping").isTrue();
		int lbPort = LocalProcesses.freePort();
		int pollerPort = LocalProcesses.freePort();
		int apiPort = LocalProcesses.freePort();
		int redisPort = LocalProcesses.freePort();
		// nginx workers run as an unprivileged user when the tests run as root.
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path output = directory.resolve("run-local.out");
		ProcessBuilder builder = new ProcessBuilder("bash", "run-local.sh", "--sample")
			.directory(RepositoryFiles.root().toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		// Free ports and a run folder of its own, so that it cannot meet another run.
		builder.environment().put("LB_PORT", String.valueOf(lbPort));
		builder.environment().put("POLLER_PORT", String.valueOf(pollerPort));
		// One replica: spreading over several is NginxLoadBalancerTests' job, and every
		// JVM
		// costs start-up time on a small machine.
		builder.environment().put("API_PORTS", String.valueOf(apiPort));
		builder.environment().put("REDIS_PORT", String.valueOf(redisPort));
		builder.environment().put("RUN_DIR", directory.resolve("run").toString());
		builder.environment().remove("REDIS_URL");
		builder.environment().put("JAVA_TOOL_OPTIONS", "-Xmx256m -XX:TieredStopAtLevel=1");
		Process script = builder.start();
		List<ProcessHandle> started;
		try {
			awaitOutput(output, "Ctrl-C stops everything", script, Duration.ofSeconds(320));
			String api = "http://127.0.0.1:" + (LocalProcesses.installed("nginx") ? lbPort : apiPort);
			assertThat(LocalProcesses.status(api + "/actuator/health/readiness")).isEqualTo(200);
			// A replay, not a stale poller; the file's 2,048 events in any ten minutes.
			awaitBody(api + "/api/v1/poller/status", "\"state\":\"REPLAYING\"", Duration.ofSeconds(60));
			assertThat(LocalProcesses.get(api + "/api/v1/poller/status").body()).contains("\"stale\":false");
			HttpResponse<String> counts = LocalProcesses.get(api + "/api/v1/events/counts?offset=10");
			assertThat(counts.statusCode()).isEqualTo(200);
			assertThat(counts.body()).containsPattern("\"total\":(19[5-9][0-9]|20[0-9][0-9])\\b");
			started = script.descendants().toList();
			saysRedisIsUnreachableWhileItDoesNotAnswer(started, output, script);
			assertThat(started).hasSizeGreaterThanOrEqualTo(3);
			interrupt(script);
			assertThat(script.waitFor(40, TimeUnit.SECONDS)).as("run-local.sh ends after Ctrl-C").isTrue();
		}
		finally {
			LocalProcesses.stop(script);
		}
		assertThat(started).noneMatch(ProcessHandle::isAlive);
		for (int port : List.of(lbPort, pollerPort, apiPort, redisPort)) {
			assertThat(listening(port)).as("port %d is free again", port).isFalse();
		}
		assertThat(Files.readString(output)).contains("[run-local] stopped");
	}

	/**
	 * Pauses the script's redis-server (SIGSTOP: alive, but silent, as a hung or
	 * partitioned Redis is), until the script reports it, then lets it go on.
	 */
	private static void saysRedisIsUnreachableWhileItDoesNotAnswer(List<ProcessHandle> started, Path output,
			Process script) throws Exception {
		ProcessHandle redis = started.stream()
			// Debian's redis-server is a link to redis-check-rdb: look at the whole line.
			.filter((process) -> process.info().commandLine().orElse("").contains("redis"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no redis-server among " + started));
		signal("STOP", redis.pid());
		try {
			awaitOutput(output, "[run-local] Redis is unreachable: the API answers 503 store-unavailable", script,
					Duration.ofSeconds(60));
		}
		finally {
			signal("CONT", redis.pid());
		}
		assertThat(Files.readString(output)).doesNotContain("poller status not available");
	}

	private static void signal(String signal, long pid) throws Exception {
		LocalProcesses.Result kill = LocalProcesses.run(Path.of("."), Duration.ofSeconds(5),
				List.of("kill", "-" + signal, String.valueOf(pid)));
		assertThat(kill.exitCode()).as(kill.output()).isZero();
	}

	private static void interrupt(Process process) throws Exception {
		LocalProcesses.Result kill = LocalProcesses.run(Path.of("."), Duration.ofSeconds(5),
				List.of("kill", "-INT", String.valueOf(process.pid())));
		assertThat(kill.exitCode()).isZero();
	}

	private static void awaitOutput(Path output, String text, Process process, Duration timeout) throws IOException {
		try {
			await("run-local.sh printing '" + text + "'").atMost(timeout)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(500))
				.until(() -> {
					String printed = Files.readString(output, StandardCharsets.UTF_8);
					if (!printed.contains(text) && !process.isAlive()) {
						throw new AssertionError("run-local.sh exited with " + process.exitValue() + ":\n" + printed);
					}
					return printed.contains(text);
				});
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("run-local.sh did not print '" + text + "' within " + timeout + ":\n"
					+ Files.readString(output, StandardCharsets.UTF_8), ex);
		}
	}

	private static void awaitBody(String url, String text, Duration timeout) {
		await(url + " mentioning " + text).atMost(timeout)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(LocalProcesses.get(url).body()).contains(text));
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
