package io.github.eventsgateway.poller.config;

import java.util.Map;

import io.github.eventsgateway.poller.PollerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class PollerPropertiesTests {

	@Test
	void hasSensibleDefaults() {
		PollerProperties properties = bind(Map.of());
		assertThat(properties.githubApiUrl()).isEqualTo("https://api.github.com");
		assertThat(properties.pages()).isEqualTo(3);
		assertThat(properties.tokenList()).isEmpty();
		assertThat(properties.instanceId()).isNotBlank();
		assertThat(properties.readsFile()).isFalse();
	}

	@Test
	void splitsTokensIgnoringBlankEntriesAndNeverPrintsThem() {
		PollerProperties properties = bind(Map.of("tokens", "ghp_one, ,ghp_two,,ghp_one"));
		assertThat(properties.tokenList()).extracting((token) -> token.value()).containsExactly("ghp_one", "ghp_two");
		assertThat(properties.toString()).contains("tokens=2").doesNotContain("ghp_");
	}

	@Test
	void readsAFileSource() {
		PollerProperties properties = bind(Map.of("source", "file:/data/2025-01-01-15.json.gz", "file-mode", "IMPORT"));
		assertThat(properties.readsFile()).isTrue();
		assertThat(properties.filePath()).isEqualTo("/data/2025-01-01-15.json.gz");
		assertThat(properties.replaysFile()).isFalse();
	}

	@Test
	void rejectsWrongValuesNamingTheEnvironmentVariable() {
		assertThatException().isThrownBy(() -> bind(Map.of("pages", "7")))
			.havingRootCause()
			.withMessage("POLLER_PAGES must be 1 to 3, was 7");
		assertThatException().isThrownBy(() -> bind(Map.of("github-api-url", "ftp://example.com")))
			.havingRootCause()
			.withMessageStartingWith("GITHUB_API_URL must be an http(s) URL");
		assertThatException().isThrownBy(() -> bind(Map.of("source", "kafka")))
			.havingRootCause()
			.withMessage("POLLER_SOURCE must be 'github' or 'file:PATH', was 'kafka'");
		assertThatException().isThrownBy(() -> bind(Map.of("file-mode", "fast")))
			.havingRootCause()
			.withMessage("POLLER_FILE_MODE must be 'replay' or 'import', was 'fast'");
	}

	@Test
	void failsStartUpWithOneClearLine(CapturedOutput output) {
		SpringApplication application = new SpringApplication(PollerApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--gateway.poller.pages=7"));
		assertThat(output).contains("Invalid configuration: POLLER_PAGES must be 1 to 3, was 7");
	}

	@Test
	void namesTheVariableOfAValueThatCannotBeRead(CapturedOutput output) {
		SpringApplication application = new SpringApplication(PollerApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--gateway.store.retention=abc"));
		assertThat(output).contains("Invalid configuration: RETENTION cannot be read: 'abc' is not a valid duration");
	}

	private static PollerProperties bind(Map<String, String> values) {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource();
		values.forEach((name, value) -> source.put("gateway.poller." + name, value));
		return new Binder(source).bindOrCreate("gateway.poller", PollerProperties.class);
	}

}
