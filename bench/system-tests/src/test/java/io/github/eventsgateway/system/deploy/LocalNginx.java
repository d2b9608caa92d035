package io.github.eventsgateway.system.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real nginx with the repository's configuration, as {@code run-local.sh} writes it for
 * local replica ports, on a free port.
 */
final class LocalNginx implements AutoCloseable {

	private final Process process;

	private final int port;

	private LocalNginx(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Writes the configuration into a directory and starts nginx on it.
	 * @param directory a directory of the test's own, which nginx's workers can read
	 * @param apiPorts the ports of the replicas
	 * @return nginx, answering
	 */
	static LocalNginx start(Path directory, int... apiPorts) throws Exception {
		int port = LocalProcesses.freePort();
		Path conf = directory.resolve("local-nginx");
		// nginx workers run as an unprivileged user when the tests run as root.
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		String ports = IntStream.of(apiPorts).mapToObj(Integer::toString).collect(Collectors.joining(","));
		LocalProcesses.Result written = LocalProcesses.run(RepositoryFiles.root(), Duration.ofSeconds(20),
				List.of("env", "LB_PORT=" + port, "API_PORTS=" + ports, "RUN_DIR=" + directory.resolve("run"), "bash",
						"run-local.sh", "--write-nginx-config", conf.toString()));
		assertThat(written.exitCode()).as(written.output()).isZero();
		Path log = directory.resolve("nginx.log");
		Process process = new ProcessBuilder("nginx", "-p", conf.toString(), "-e", log.toString(), "-c",
				conf.resolve("nginx.conf").toString(), "-g", "daemon off; pid " + conf.resolve("nginx.pid") + ";")
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("nginx-stdout.log").toFile())
			.start();
		LocalNginx nginx = new LocalNginx(process, port);
		LocalProcesses.awaitOk(nginx.url("/nginx-health"), Duration.ofSeconds(10), process, log);
		return nginx;
	}

	int port() {
		return this.port;
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	@Override
	public void close() {
		LocalProcesses.stop(this.process);
	}

}
