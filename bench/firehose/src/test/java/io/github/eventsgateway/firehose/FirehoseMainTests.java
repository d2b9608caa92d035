package io.github.eventsgateway.firehose;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FirehoseMainTests {

	@Test
	void keepsTheClassicFeedAndGitHubsLimitsByDefault() {
		FirehoseSettings settings = FirehoseMain.settings(Map.of()).build();
		assertThat(settings.feed()).isEqualTo(FeedMode.CLASSIC);
		assertThat(settings.eventsPerSecond()).isEqualTo(10);
		assertThat(settings.split()).isEqualTo(SplitFeedSettings.DEFAULTS);
		assertThat(settings.secondaryLimit()).isEqualTo(SecondaryLimitSettings.DEFAULTS);
		assertThat(settings.secondaryLimit().perWindow()).isEqualTo(900);
		assertThat(settings.secondaryLimit().maxConcurrent()).isEqualTo(100);
		assertThat(settings.secondaryLimit().retryAfterSeconds()).isEqualTo(60);
		assertThat(settings.app().enabled()).isFalse();
	}

	@Test
	void readsTheSplitFeedsOptions() {
		FirehoseSettings settings = FirehoseMain
			.settings(FirehoseMain.options(new String[] { "--feed=split", "--push-rate=400", "--other-rate=20",
					"--visibility-delay-min=1s", "--visibility-delay-max=PT15S", "--late-share=1%",
					"--late-delay-max=5m", "--surface-depth=7" }))
			.build();
		assertThat(settings.feed()).isEqualTo(FeedMode.SPLIT);
		assertThat(settings.split()).isEqualTo(new SplitFeedSettings(400, 20, Duration.ofSeconds(1),
				Duration.ofSeconds(15), 0.01, Duration.ofMinutes(5), 7));
	}

	@Test
	void readsTheSecondaryLimitAndAppOptions() {
		FirehoseSettings settings = FirehoseMain
			.settings(FirehoseMain.options(new String[] { "--secondary-per-minute=90", "--secondary-window=6s",
					"--secondary-status=429", "--app-id=7", "--app-installation-id=8", "--app-token-limit=5000",
					"--app-token-lifetime=10m", "--app-private-key-out=target/app.pem" }))
			.build();
		assertThat(settings.secondaryLimit())
			.isEqualTo(new SecondaryLimitSettings(90, Duration.ofSeconds(6), 100, 429));
		assertThat(settings.secondaryLimit().retryAfterSeconds()).isEqualTo(6);
		assertThat(settings.app())
			.isEqualTo(new AppSettings(7, 8, null, Path.of("target/app.pem"), 5000, Duration.ofMinutes(10)));
	}

	@Test
	void readsDurationsAndSharesInShortOrIsoForm() {
		assertThat(FirehoseMain.duration("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(FirehoseMain.duration("2.5s")).isEqualTo(Duration.ofMillis(2500));
		assertThat(FirehoseMain.duration("10m")).isEqualTo(Duration.ofMinutes(10));
		assertThat(FirehoseMain.duration("1h")).isEqualTo(Duration.ofHours(1));
		assertThat(FirehoseMain.duration("PT0S")).isZero();
		assertThat(FirehoseMain.duration("3")).isEqualTo(Duration.ofSeconds(3));
		assertThat(FirehoseMain.share("0.5%")).isEqualTo(0.005);
		assertThat(FirehoseMain.share("0.005")).isEqualTo(0.005);
	}

	@Test
	void refusesSettingsThatCannotBe() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FirehoseMain.settings(Map.of("visibility-delay-min", "20s")).build());
		assertThatIllegalArgumentException().isThrownBy(() -> FirehoseMain.settings(Map.of("app-id", "7")).build())
			.withMessageContaining("installation");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FirehoseMain.settings(Map.of("feed", "sideways")).build());
	}

	@Test
	void namesEveryOptionInItsUsage() {
		assertThat(FirehoseMain.usage()).contains("--feed=classic|split", "--push-rate=200", "--other-rate=50",
				"--visibility-delay-min=0s", "--visibility-delay-max=10s", "--late-share=0.005", "--late-delay-max=10m",
				"--surface-depth=20", "--secondary-per-minute=900", "--secondary-window=60s", "--app-id",
				"--app-installation-id", "--app-token-limit=15000", "--app-token-lifetime=1h",
				"--app-private-key-out=PATH", "--rate=10");
	}

}
