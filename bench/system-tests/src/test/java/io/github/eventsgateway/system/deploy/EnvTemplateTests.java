package io.github.eventsgateway.system.deploy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code .env.template} explains every variable, holds no secret and gives the defaults
 * that {@code docker-compose.yml} and {@code run-local.sh} use; that it lists exactly the
 * variables read is {@link EnvironmentVariablesTests}' job.
 */
class EnvTemplateTests {

	private final EnvTemplate template = EnvTemplate.load();

	private final Map<String, String> composeVariables = ComposeFile.load().variables();

	@Test
	void givesTheSameDefaultsAsTheComposeFile() {
		this.composeVariables.forEach((variable, composeDefault) -> {
			String documented = this.template.defaults().getOrDefault(variable, "");
			if (!documented.isEmpty()) {
				assertThat(composeDefault).as("default of %s", variable).isEqualTo(documented);
			}
		});
	}

	@Test
	void givesTheSameDefaultsAsTheLocalRun() {
		String runLocal = RepositoryFiles.read("run-local.sh");
		this.template.defaults().forEach((variable, documented) -> {
			Matcher matcher = Pattern.compile("\\$\\{" + variable + ":-([^}$]*)}").matcher(runLocal);
			while (matcher.find() && !documented.isEmpty()) {
				assertThat(matcher.group(1)).as("run-local.sh default of %s", variable).isEqualTo(documented);
			}
		});
	}

	@Test
	void explainsEveryVariable() {
		assertThat(this.template.defaults().keySet())
			.allSatisfy((variable) -> assertThat(this.template.comment(variable)).as("comment above %s", variable)
				.hasSizeGreaterThan(20));
	}

	@Test
	void holdsNoSecret() {
		assertThat(this.template.defaults()).containsEntry("GITHUB_TOKENS", "").containsEntry("GITHUB_TOKEN", "");
		assertThat(RepositoryFiles.read(".env.template")).doesNotContainPattern("gh[pousr]_[A-Za-z0-9]{20,}");
	}

}
