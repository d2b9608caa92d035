package io.github.eventsgateway.system.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.eventsgateway.store.testing.SharedRedis;
import io.github.eventsgateway.store.testing.TestRedis;
import io.github.eventsgateway.system.deploy.Dockerfile.Instruction;
import io.github.eventsgateway.system.support.RedisStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfiles of the two services, checked without a Docker engine: every file they
 * copy exists, the jar and layers they name are the ones Maven builds, and the image's
 * start command, run on the extracted layers as the image would, starts the service.
 */
@SharedRedis
class DockerfileTests {

	private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

	@ParameterizedTest
	@ValueSource(strings = { "poller-service", "metrics-api" })
	void buildsWithMavenAndRunsOnASlimJre(String module) {
		List<Instruction> stages = dockerfile(module).all("FROM");
		assertThat(stages).hasSize(2);
		assertThat(stages.get(0).arguments()).startsWith("maven:").contains("temurin-17").endsWith(" AS build");
		assertThat(stages.get(1).arguments()).startsWith("eclipse-temurin:17-jre");
	}

	@ParameterizedTest
	@ValueSource(strings = { "poller-service", "metrics-api" })
	void copiesOnlyFilesThatExistInTheBuildContext(String module) {
		List<String> ignored = RepositoryFiles.read(".dockerignore")
			.lines()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.toList();
		for (Instruction copy : dockerfile(module).all("COPY")) {
			if (copy.arguments().startsWith("--from=")) {
				continue;
			}
			List<String> paths = List.of(copy.arguments().split("\\s+"));
			for (String source : paths.subList(0, paths.size() - 1)) {
				assertThat(RepositoryFiles.path(source)).as("COPY source of %s", module).exists();
				String first = source.split("/")[0];
				assertThat(ignored).as(".dockerignore must not exclude %s", source)
					.doesNotContain(first, "**/" + first);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "poller-service", "metrics-api" })
	void packagesAModuleOfTheReactorAndExtractsTheJarItBuilds(String module) {
		assertThat(RepositoryFiles.read("pom.xml")).contains("<module>" + module + "</module>");
		assertThat(RepositoryFiles.read(module + "/pom.xml")).contains("<finalName>" + module + "</finalName>");
		List<String> runs = dockerfile(module).all("RUN").stream().map(Instruction::arguments).toList();
		assertThat(runs).anySatisfy((run) -> assertThat(run).contains("mvn ").contains(" -pl " + module + " "));
		assertThat(runs).contains("java -Djarmode=tools -jar " + module + "/target/" + module
				+ ".jar extract --layers --launcher --destination /layers");
	}

	@ParameterizedTest
	@ValueSource(strings = { "poller-service", "metrics-api" })
	void copiesEveryLayerOfTheJarLeastChangingFirst(String module) throws IOException {
		List<String> copiedLayers = new ArrayList<>();
		for (Instruction copy : dockerfile(module).finalStage("COPY")) {
			Matcher matcher = Pattern.compile("^--from=build /layers/([a-z-]+)/ \\./$").matcher(copy.arguments());
			if (matcher.matches()) {
				copiedLayers.add(matcher.group(1));
			}
		}
		assertThat(copiedLayers).isEqualTo(layersOf(jar(module)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "poller-service", "metrics-api" })
	void startsTheJarsLauncherWithHeapSizedForTheContainer(String module) throws IOException {
		List<String> entrypoint = entrypoint(module);
		assertThat(entrypoint).startsWith("java").contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
		try (JarFile jar = new JarFile(jar(module).toFile())) {
			String launcher = jar.getManifest().getMainAttributes().getValue("Main-Class");
			assertThat(entrypoint).endsWith(launcher);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "poller-service", "metrics-api" })
	void runsAsAUserOtherThanRoot(String module) {
		List<Instruction> users = dockerfile(module).finalStage("USER");
		assertThat(users).hasSize(1);
		assertThat(users.get(0).arguments()).doesNotStartWith("root").doesNotStartWith("0:").isNotEqualTo("0");
	}

	@ParameterizedTest
	@CsvSource({ "poller-service, poller", "metrics-api, metrics-api" })
	void exposesThePortThatComposeChecks(String module, String service) {
		List<Object> exposed = ComposeFile.list(ComposeFile.load().service(service), "expose");
		assertThat(dockerfile(module).finalStage("EXPOSE")).singleElement()
			.extracting(Instruction::arguments)
			.isEqualTo(exposed.get(0));
	}

	@ParameterizedTest
	@ValueSource(strings = { "poller-service", "metrics-api" })
	void extractsTheLayersTheImageCopiesWithTheLauncherItStarts(String module, @TempDir Path directory)
			throws Exception {
		Path app = extractAsTheImageWould(module, directory);
		String launcher = entrypoint(module).get(entrypoint(module).size() - 1);
		assertThat(app.resolve(launcher.replace('.', '/') + ".class")).isRegularFile();
		assertThat(app.resolve("BOOT-INF/classes")).isDirectory();
		assertThat(app.resolve("BOOT-INF/lib")).isDirectory();
	}

	/**
	 * Both images are built the same way, so starting one (the API, which needs only
	 * Redis) shows that the start command works on the extracted layers.
	 */
	@Test
	void theExtractedLayersStartTheServiceAsTheImageWould(@TempDir Path directory, TestRedis testRedis)
			throws Exception {
		String module = "metrics-api";
		Path app = extractAsTheImageWould(module, directory);
		List<String> command = new ArrayList<>(entrypoint(module));
		command.set(0, javaExecutable());
		int port = LocalProcesses.freePort();
		Path log = directory.resolve("service.log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> environment = builder.environment();
		environment.put("SERVER_PORT", String.valueOf(port));
		environment.putAll(RedisStore.of(testRedis).environment());
		environment.put("POLLER_SOURCE",
				"file:" + RepositoryFiles.path("poller-service/samples/gharchive-2025-01-01-15.first2048.ndjson.gz"));
		environment.put("POLLER_FILE_MODE", "replay");
		environment.put("GITHUB_API_URL", "http://127.0.0.1:9");
		environment.put("JAVA_TOOL_OPTIONS", "-Xmx256m");
		Process service = builder.start();
		try {
			LocalProcesses.awaitOk("http://127.0.0.1:" + port + "/actuator/health/readiness", Duration.ofSeconds(180),
					service, log);
		}
		finally {
			LocalProcesses.stop(service);
		}
	}

	/**
	 * Extracts the jar's layers and merges them into one folder, as the COPY steps do.
	 */
	private static Path extractAsTheImageWould(String module, Path directory) throws Exception {
		Path layers = directory.resolve("layers");
		LocalProcesses.Result extraction = LocalProcesses.run(directory, Duration.ofSeconds(60),
				List.of(javaExecutable(), "-Djarmode=tools", "-jar", jar(module).toString(), "extract", "--layers",
						"--launcher", "--destination", layers.toString()));
		assertThat(extraction.exitCode()).as(extraction.output()).isZero();
		Path app = directory.resolve("app");
		for (String layer : layersOf(jar(module))) {
			copyInto(layers.resolve(layer), app);
		}
		return app;
	}

	private static Dockerfile dockerfile(String module) {
		return Dockerfile.load(module + "/Dockerfile");
	}

	private static List<String> entrypoint(String module) {
		List<Instruction> entrypoints = dockerfile(module).finalStage("ENTRYPOINT");
		assertThat(entrypoints).hasSize(1);
		List<String> arguments = new ArrayList<>();
		Matcher matcher = QUOTED.matcher(entrypoints.get(0).arguments());
		while (matcher.find()) {
			arguments.add(matcher.group(1));
		}
		return arguments;
	}

	/** The executable jar Maven builds; the services are built before this module. */
	private static Path jar(String module) {
		Path jar = RepositoryFiles.path(module + "/target/" + module + ".jar");
		assertThat(jar).as("built by 'mvn package' of %s, before this module", module).isRegularFile();
		return jar;
	}

	private static List<String> layersOf(Path jar) throws IOException {
		try (JarFile file = new JarFile(jar.toFile());
				InputStream index = file.getInputStream(file.getEntry("BOOT-INF/layers.idx"))) {
			return new String(index.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> line.startsWith("- \""))
				.map((line) -> line.substring(3, line.indexOf('"', 3)))
				.toList();
		}
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static void copyInto(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			paths.forEach((path) -> {
				Path target = to.resolve(from.relativize(path).toString());
				try {
					if (Files.isDirectory(path)) {
						Files.createDirectories(target);
					}
					else {
						Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
