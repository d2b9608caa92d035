package io.github.eventsgateway.poller.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.eventsgateway.poller.PollerApplication;
import io.github.eventsgateway.poller.pacing.PacingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

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
		assertThat(properties.pacingMode()).isEqualTo(PacingMode.BUDGET);
		assertThat(properties.maxRequestsPerMinute()).isEqualTo(600);
		assertThat(properties.app().isConfigured()).isFalse();
	}

	@Test
	void takesAGitHubAppWhoseSettingsComeTogetherAndNeverPrintsItsKey() {
		PollerProperties properties = bind(Map.of("app.id", "12345", "app.installation-id", "678", "app.private-key",
				"-----BEGIN RSA PRIVATE KEY-----secret"));
		assertThat(properties.app().isConfigured()).isTrue();
		assertThat(properties.toString()).contains("app 12345 installation 678").doesNotContain("secret");
		assertThatException().isThrownBy(() -> bind(Map.of("app.id", "12345")))
			.havingRootCause()
			.withMessage("GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY and GITHUB_APP_INSTALLATION_ID must be set together"
					+ " (or none of them)");
	}

	@Test
	void takesEitherPacing() {
		assertThat(bind(Map.of("pacing", "Poll-Interval")).pacingMode()).isEqualTo(PacingMode.POLL_INTERVAL);
		assertThatException().isThrownBy(() -> bind(Map.of("pacing", "fast")))
			.havingRootCause()
			.withMessage("POLLER_PACING must be 'budget' or 'poll-interval', was 'fast'");
		assertThatException().isThrownBy(() -> bind(Map.of("max-requests-per-minute", "1000")))
			.havingRootCause()
			.withMessageStartingWith("POLLER_MAX_REQUESTS_PER_MINUTE must be 1 to 900");
	}

	@Test
	void splitsTokensIgnoringBlankEntriesAndNeverPrintsThem() {
		PollerProperties properties = bind(Map.of("tokens", "ghp_one, ,ghp_two,,ghp_one"));
		assertThat(properties.tokenList()).containsExactly("ghp_one", "ghp_two");
		assertThat(properties.toString()).contains("tokens=2").doesNotContain("ghp_");
	}

	@Test
	void readsAFileSource(@TempDir Path directory) throws IOException {
		Path file = Files.writeString(directory.resolve("2025-01-01-15.json"), "{}");
		PollerProperties properties = bind(Map.of("source", "file:" + file, "file-mode", "IMPORT"));
		assertThat(properties.readsFile()).isTrue();
		assertThat(properties.filePath()).isEqualTo(file.toString());
		assertThat(properties.replaysFile()).isFalse();
	}

	@Test
	void refusesAFileSourceThatCannotBeRead(CapturedOutput output) {
		SpringApplication application = new SpringApplication(PollerApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--gateway.poller.source=file:/nonexistent.gz"));
		assertThat(output)
			.contains("Invalid configuration: POLLER_SOURCE names a file that cannot be read: /nonexistent.gz");
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
			.withMessage("POLLER_FILE_MODE must be 'replay', 'import' or 'loop', was 'fast'");
		assertThatException().isThrownBy(() -> bind(Map.of("file-mode", "loop", "exit-after-import", "true")))
			.havingRootCause()
			.withMessage("POLLER_EXIT_AFTER_IMPORT=true cannot be used with POLLER_FILE_MODE=loop, which never ends");
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
