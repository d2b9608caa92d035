package io.github.eventsgateway.system.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@code docker-compose.yml}, checked without a Docker engine: the services, their
 * replicas, ports, healthchecks, start order, restart policies and resource limits.
 */
class ComposeFileTests {

	private final ComposeFile compose = ComposeFile.load();

	@Test
	void runsRedisThePollerTheApiAndALoadBalancer() {
		assertThat(servicesOfProfile(null)).containsExactlyInAnyOrder("redis", "poller", "metrics-api", "lb");
	}

	@Test
	void addsAReplicaAndThreeSentinelsWithTheSentinelProfile() {
		assertThat(servicesOfProfile("sentinel")).containsExactlyInAnyOrder("redis-replica", "sentinel-1", "sentinel-2",
				"sentinel-3");
		assertThat(ComposeFile.list(this.compose.service("redis-replica"), "command"))
			.containsSubsequence("--replicaof", "redis", "6379");
		for (String sentinel : List.of("sentinel-1", "sentinel-2", "sentinel-3")) {
			String script = String.join(" ",
					ComposeFile.list(this.compose.service(sentinel), "entrypoint")
						.stream()
						.map(String::valueOf)
						.toList());
			assertThat(script).contains("sentinel monitor gateway redis 6379 2", "sentinel resolve-hostnames yes",
					"exec redis-sentinel");
			assertThat(healthcheckCommand(sentinel)).isEqualTo("CMD redis-cli -p 26379 ping");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "poller-service", "metrics-api" })
	void servicesFindTheComposeSentinelsWithTheSentinelTopology(String module) {
		String profile = RepositoryFiles.read(module + "/src/main/resources/application-sentinel.yml");
		assertThat(profile).contains("master: ${REDIS_SENTINEL_MASTER:gateway}",
				"nodes: ${REDIS_SENTINEL_NODES:sentinel-1:26379,sentinel-2:26379,sentinel-3:26379}");
		assertThat(RepositoryFiles.read(module + "/src/main/resources/application.yml"))
			.contains("active: ${REDIS_TOPOLOGY:standalone}");
	}

	@Test
	void redisKeepsAnAppendOnlyFileOnAVolumeAndIsCheckedWithPing() {
		Map<String, Object> redis = this.compose.service("redis");
		List<Object> command = ComposeFile.list(redis, "command");
		assertThat(command).containsSubsequence("--appendonly", "yes");
		assertThat(ComposeFile.list(redis, "volumes")).contains("redis-data:/data");
		assertThat(ComposeFile.map(this.compose.root(), "volumes")).containsKey("redis-data");
		assertThat(healthcheckCommand("redis")).isEqualTo("CMD redis-cli ping");
	}

	@ParameterizedTest
	@CsvSource({ "poller, POLLER_REPLICAS, 2", "metrics-api, API_REPLICAS, 3" })
	void runsSeveralReplicasOfEachJavaService(String service, String variable, int replicas) {
		Object configured = ComposeFile.map(this.compose.service(service), "deploy").get("replicas");
		assertThat(configured).isEqualTo("${" + variable + ":-" + replicas + "}");
		assertThat(Integer.parseInt(ComposeFile.interpolate(configured))).isEqualTo(replicas);
	}

	@ParameterizedTest
	@CsvSource({ "poller, 8081", "metrics-api, 8080" })
	void checksTheJavaServicesOnTheirActuatorReadinessProbe(String service, String port) {
		assertThat(healthcheckCommand(service)).startsWith("CMD wget")
			.endsWith(" http://127.0.0.1:" + port + "/actuator/health/readiness");
		assertThat(ComposeFile.list(this.compose.service(service), "expose")).containsExactly(port);
	}

	@Test
	void checksTheLoadBalancerOnItsOwnHealthEndpoint() {
		assertThat(healthcheckCommand("lb")).endsWith(" http://127.0.0.1:8080/nginx-health");
	}

	@Test
	void publishesOnlyTheLoadBalancerOnPort8080() {
		assertThat(ComposeFile.list(this.compose.service("lb"), "ports")).containsExactly("${LB_PORT:-8080}:8080");
		assertThat(this.compose.service("redis")).doesNotContainKey("ports");
		assertThat(this.compose.service("poller")).doesNotContainKey("ports");
		assertThat(this.compose.service("metrics-api")).doesNotContainKey("ports");
	}

	@Test
	void loadBalancerUsesTheNginxConfigurationOfTheRepository() {
		assertThat(ComposeFile.list(this.compose.service("lb"), "volumes"))
			.containsExactly("./metrics-api/nginx/nginx.conf:/etc/nginx/nginx.conf:ro");
		assertThat(RepositoryFiles.path("metrics-api/nginx/nginx.conf")).isRegularFile();
	}

	@ParameterizedTest
	@CsvSource({ "poller, redis", "metrics-api, redis", "lb, metrics-api" })
	void startsAServiceOnlyOnceWhatItNeedsIsHealthy(String service, String dependency) {
		Map<String, Object> dependsOn = ComposeFile.map(this.compose.service(service), "depends_on");
		assertThat(dependsOn).containsOnlyKeys(dependency);
		assertThat(ComposeFile.map(dependsOn, dependency)).containsEntry("condition", "service_healthy");
	}

	@ParameterizedTest
	@ValueSource(strings = { "redis", "poller", "metrics-api", "lb", "redis-replica", "sentinel-1", "sentinel-2",
			"sentinel-3" })
	void everyServiceRestartsAndHasAHealthcheckAndResourceLimits(String service) {
		Map<String, Object> definition = this.compose.service(service);
		assertThat(definition).containsEntry("restart", "unless-stopped");
		assertThat(ComposeFile.map(definition, "healthcheck")).containsKeys("test", "interval", "timeout", "retries");
		Map<String, Object> limits = ComposeFile
			.map(ComposeFile.map(ComposeFile.map(definition, "deploy"), "resources"), "limits");
		assertThat(limits).containsKeys("cpus", "memory");
	}

	@ParameterizedTest
	@CsvSource({ "poller, poller-service", "metrics-api, metrics-api" })
	void buildsEachJavaServiceFromItsModuleDockerfileWithTheRepositoryAsContext(String service, String module) {
		Map<String, Object> build = ComposeFile.map(this.compose.service(service), "build");
		assertThat(build).containsEntry("context", ".").containsEntry("dockerfile", module + "/Dockerfile");
		assertThat(RepositoryFiles.path(module + "/Dockerfile")).isRegularFile();
	}

	@ParameterizedTest
	@ValueSource(strings = { "poller", "metrics-api" })
	void javaServicesReachTheComposeRedisUnlessToldOtherwise(String service) {
		Map<String, Object> environment = ComposeFile.map(this.compose.service(service), "environment");
		assertThat(environment).containsEntry("REDIS_URL", "${REDIS_URL:-redis://redis:6379}");
		assertThat(environment).containsEntry("REDIS_TOPOLOGY", "${REDIS_TOPOLOGY:-standalone}");
		assertThat(environment).containsEntry("RETENTION", "${RETENTION:-1d}");
	}

	@ParameterizedTest
	@CsvSource({ "poller, poller-service", "metrics-api, metrics-api" })
	void passesOnlyVariablesThatTheServiceReads(String service, String module) {
		String configuration = RepositoryFiles.read(module + "/src/main/resources/application.yml");
		assertThat(ComposeFile.map(this.compose.service(service), "environment").keySet())
			.allSatisfy((variable) -> assertThat(configuration).contains("${" + variable + ":"));
	}

	@Test
	void composeItselfAcceptsTheFile() throws Exception {
		List<String> compose = composeCommand();
		assumeThat(compose).as("neither 'docker compose' nor 'docker-compose' is installed: skipping").isNotEmpty();
		List<String> command = new ArrayList<>(compose);
		command.addAll(List.of("-f", "docker-compose.yml", "config", "-q"));
		LocalProcesses.Result result = LocalProcesses.run(RepositoryFiles.root(), Duration.ofSeconds(60), command);
		assertThat(result.exitCode()).as(result.output()).isZero();
	}

	/** Compose v2 (a Docker CLI plugin; needs no engine for config), else v1. */
	private static List<String> composeCommand() throws Exception {
		if (LocalProcesses.installed("docker") && LocalProcesses
			.run(RepositoryFiles.root(), Duration.ofSeconds(30), List.of("docker", "compose", "version"))
			.exitCode() == 0) {
			return List.of("docker", "compose");
		}
		return LocalProcesses.installed("docker-compose") ? List.of("docker-compose") : List.of();
	}

	/** The services of a compose profile, or those that always run ({@code null}). */
	private List<String> servicesOfProfile(String profile) {
		return this.compose.services().keySet().stream().filter((service) -> {
			Object profiles = this.compose.service(service).get("profiles");
			return (profile == null) ? profiles == null : profiles instanceof List<?> list && list.contains(profile);
		}).toList();
	}

	private String healthcheckCommand(String service) {
		List<Object> test = ComposeFile.list(ComposeFile.map(this.compose.service(service), "healthcheck"), "test");
		return String.join(" ", test.stream().map(String::valueOf).toList());
	}

}
