package io.github.eventsgateway.system.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code .env.template} is the one list of the environment variables; everything else
 * that names them agrees with it: the services' {@code application.yml}, the environment
 * {@code docker-compose.yml} gives each service, the variables compose and
 * {@code run-local.sh} read themselves, and README.md's configuration table. A failure
 * names the file that lacks which variable; adding a variable means adding it to each of
 * them (the template's header says so).
 */
class EnvironmentVariablesTests {

	/** What a comment in the template says of a variable that compose leaves out. */
	static final String NOT_PASSED_BY_COMPOSE = "docker compose does not pass it";

	private final EnvTemplate template = EnvTemplate.load();

	private final ComposeFile compose = ComposeFile.load();

	private final List<ServiceConfiguration> services = ServiceConfiguration.all();

	@Test
	void findsTheConfigurationOfBothServices() {
		assertThat(this.services).extracting(ServiceConfiguration::module).contains("poller-service", "metrics-api");
		assertThat(this.services).allSatisfy((service) -> assertThat(service.variables()).as(service.file())
			.containsKeys("REDIS_URL", "SERVER_PORT"));
	}

	@Test
	void theTemplateListsEveryVariableThatIsRead() {
		List<String> lacking = new ArrayList<>();
		readers().forEach((file, variables) -> variables.stream()
			.filter((variable) -> !this.template.defaults().containsKey(variable))
			.forEach((variable) -> lacking.add(".env.template lacks " + variable + ", which " + file + " reads")));
		assertThat(lacking).as("add each, with a comment saying what it does and its default").isEmpty();
	}

	@Test
	void theTemplateListsOnlyVariablesThatAreRead() {
		Set<String> read = new LinkedHashSet<>();
		readers().values().forEach(read::addAll);
		List<String> unread = this.template.defaults()
			.keySet()
			.stream()
			// Docker Compose's own settings, such as COMPOSE_PROJECT_NAME.
			.filter((variable) -> !variable.startsWith("COMPOSE_") && !read.contains(variable))
			.map((variable) -> ".env.template lists " + variable + ", which nothing reads (no application.yml, "
					+ "docker-compose.yml nor run-local.sh)")
			.toList();
		assertThat(unread).isEmpty();
	}

	@Test
	void theReadmeTableListsExactlyTheTemplatesVariables() {
		Set<String> table = ReadmeConfigurationTable.load().defaults().keySet();
		List<String> differences = new ArrayList<>();
		this.template.defaults()
			.keySet()
			.stream()
			.filter((variable) -> !table.contains(variable))
			.forEach((variable) -> differences.add(ReadmeConfigurationTable.FILE + "'s configuration table lacks "
					+ variable + ", which .env.template lists"));
		table.stream()
			.filter((variable) -> !this.template.defaults().containsKey(variable))
			.forEach((variable) -> differences.add(ReadmeConfigurationTable.FILE + "'s configuration table lists "
					+ variable + ", which .env.template lacks"));
		assertThat(differences).isEmpty();
	}

	@Test
	void composePassesEachServiceEveryVariableItReads() {
		List<String> lacking = new ArrayList<>();
		composeServicesByModule().forEach((module, service) -> {
			ServiceConfiguration configuration = ServiceConfiguration.load(module);
			Set<String> passed = ComposeFile.map(this.compose.service(service), "environment").keySet();
			configuration.variables().forEach((variable, fallback) -> {
				if (!passed.contains(variable) && !this.template.comment(variable).contains(NOT_PASSED_BY_COMPOSE)) {
					lacking.add("docker-compose.yml's service '" + service + "' does not pass " + variable + ", which "
							+ configuration.file() + " reads: add `" + variable + ": ${" + variable + ":-" + fallback
							+ "}` to its environment, or say in .env.template's comment above " + variable + " why \""
							+ NOT_PASSED_BY_COMPOSE + "\"");
				}
			});
		});
		assertThat(lacking).isEmpty();
	}

	@Test
	void theTemplateAndTheReadmeGiveTheServicesDefaults() {
		Map<String, String> readme = ReadmeConfigurationTable.load().defaults();
		List<String> differences = new ArrayList<>();
		for (ServiceConfiguration service : this.services) {
			service.variables().forEach((variable, fallback) -> {
				String documented = this.template.defaults().getOrDefault(variable, "");
				if (!documented.isEmpty() && !fallback.isEmpty() && !documented.equals(fallback)) {
					differences.add(".env.template gives " + variable + "=" + documented + ", but " + service.file()
							+ " defaults to " + fallback);
				}
			});
		}
		this.template.defaults().forEach((variable, documented) -> {
			String cell = readme.get(variable);
			if (cell != null && !documented.isEmpty() && !cell.contains("`" + documented + "`")) {
				differences.add(ReadmeConfigurationTable.FILE + "'s configuration table gives " + variable
						+ " the default '" + cell + "', but .env.template gives " + documented);
			}
		});
		assertThat(differences).isEmpty();
	}

	/** Who reads which variables: each service, compose itself and the local run. */
	private Map<String, Set<String>> readers() {
		Map<String, Set<String>> readers = new LinkedHashMap<>();
		this.services.forEach((service) -> readers.put(service.file(), service.variables().keySet()));
		readers.put("docker-compose.yml", this.compose.variables().keySet());
		readers.put(RunLocalScript.FILE, RunLocalScript.load().variables());
		return readers;
	}

	/** The compose services built from a module of this repository, by module. */
	private Map<String, String> composeServicesByModule() {
		Map<String, String> services = new LinkedHashMap<>();
		this.compose.services().forEach((name, definition) -> {
			Object build = ((Map<?, ?>) definition).get("build");
			if (build instanceof Map<?, ?> map && map.get("dockerfile") instanceof String dockerfile) {
				services.put(dockerfile.substring(0, dockerfile.lastIndexOf('/')), name);
			}
		});
		assertThat(services).as("compose services built from a module").containsKeys("poller-service", "metrics-api");
		return services;
	}

}
