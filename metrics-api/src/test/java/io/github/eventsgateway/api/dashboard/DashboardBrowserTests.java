package io.github.eventsgateway.api.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.logging.Level;

import io.github.eventsgateway.api.timeline.GhArchiveEvents;
import io.github.eventsgateway.api.timeline.GhArchiveEvents.TypeAndTime;
import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.testing.SharedRedis;
import io.github.eventsgateway.store.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Opens the dashboard in headless Chromium against a real Redis filled with the real
 * fixture events, checks what the chart and the panels show against expectations computed
 * from the same file, that the header's badge agrees with the poller's status, that
 * nothing overflows or leaves the grid half empty from a phone to a 2560 px screen, and
 * that the page logs no error, and saves a screenshot to {@code target/dashboard.png}
 * (copied to {@code docs/images/dashboard.png} for the README).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@SharedRedis
class DashboardBrowserTests {

	private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

	/** "Now" for the application, pinned. */
	private static final Instant NOW = Instant.parse("2026-11-23T10:15:20Z");

	private static final Instant FIXTURE_START = Instant.parse("2025-01-01T15:00:00Z");

	/** The fixture's last second, whose events arrive while the page is open. */
	private static final Instant LAST = Instant.parse("2025-01-01T15:00:38Z");

	/** The start of the dashboard's hour at {@link #NOW}. */
	private static final Instant FROM = Instant.parse("2026-11-23T09:16:00Z");

	/**
	 * The fixture's 38 seconds of real events, spread so that each second becomes a
	 * minute, the newest ending just before now: the chart then shows a realistic hour.
	 */
	private static final UnaryOperator<Instant> ONE_SECOND_A_MINUTE = (createdAt) -> Instant
		.parse("2026-11-23T09:37:00Z")
		.plus(Duration.between(FIXTURE_START, createdAt).multipliedBy(60));

	private static final Duration WAIT = Duration.ofSeconds(20);

	/** Collects what the page reports as errors, installed before any of its scripts. */
	private static final String ERROR_COLLECTOR = """
			window.pageErrors = [];
			window.addEventListener('error', (event) => window.pageErrors.push('error: ' + event.message));
			window.addEventListener('unhandledrejection', (event) => window.pageErrors.push('rejection: ' + event.reason));
			const consoleError = console.error;
			console.error = (...parts) => { window.pageErrors.push('console: ' + parts.join(' ')); consoleError(...parts); };
			""";

	/** A phone, a small laptop, the widths the issue was seen at, and a large screen. */
	private static final List<Viewport> VIEWPORTS = List.of(new Viewport(390, 844, true),
			new Viewport(1280, 800, false), new Viewport(1400, 1000, false), new Viewport(1920, 1080, false),
			new Viewport(2560, 1440, false));

	/** The size of the screenshot the README shows. */
	private static final Viewport SCREENSHOT = new Viewport(1600, 1000, false);

	/**
	 * Lists what is wrong with the layout at the current size: the page or a list scrolls
	 * sideways, an element reaches out of its card or its content spills out of it, a
	 * column of the grid holds no card, or the cards leave much of the page blank.
	 */
	private static final String LAYOUT_PROBLEMS = """
			const problems = [];
			const root = document.documentElement;
			const describe = (element) => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
				+ ' "' + element.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
			if (root.scrollWidth > root.clientWidth + 1) {
				problems.push('the page scrolls sideways: ' + root.scrollWidth + ' px in ' + root.clientWidth);
			}
			const cards = [...document.querySelectorAll('main .card')];
			for (const card of cards) {
				const box = card.getBoundingClientRect();
				if (box.right > root.clientWidth + 1) {
					problems.push(describe(card) + ' ends at ' + Math.round(box.right) + ' px, past the window');
				}
				for (const element of card.querySelectorAll('*')) {
					const style = getComputedStyle(element);
					const area = element.getBoundingClientRect();
					if (style.display === 'none' || area.width === 0 || area.height === 0) {
						continue;
					}
					if (area.right > box.right + 1 || area.left < box.left - 1) {
						problems.push(describe(element) + ' spans ' + Math.round(area.left) + '..' + Math.round(area.right)
							+ ' px, outside its card (' + Math.round(box.left) + '..' + Math.round(box.right) + ')');
					}
					const sideways = element.scrollWidth > element.clientWidth + 1;
					if (sideways && (style.overflowX === 'auto' || style.overflowX === 'scroll')) {
						problems.push(describe(element) + ' scrolls sideways: ' + element.scrollWidth + ' px in '
							+ element.clientWidth);
					}
					if (sideways && style.overflowX === 'visible' && style.display !== 'inline' && element.clientWidth > 0) {
						problems.push(describe(element) + ' spills out: ' + element.scrollWidth + ' px of content in '
							+ element.clientWidth);
					}
				}
			}
			const main = document.querySelector('main');
			const grid = getComputedStyle(main);
			const tracks = (sizes, start, gap) => sizes.split(' ').map(parseFloat).map((size, index, all) => {
				const from = start + all.slice(0, index).reduce((sum, each) => sum + each + gap, 0);
				return (from + from + size) / 2;
			});
			const mainArea = main.getBoundingClientRect();
			const columns = tracks(grid.gridTemplateColumns, mainArea.left + parseFloat(grid.paddingLeft),
				parseFloat(grid.columnGap));
			const rows = tracks(grid.gridTemplateRows, mainArea.top + parseFloat(grid.paddingTop), parseFloat(grid.rowGap));
			rows.forEach((y, row) => columns.forEach((x, column) => {
				if (!cards.some((card) => {
					const area = card.getBoundingClientRect();
					return area.left <= x && area.right >= x && area.top <= y && area.bottom >= y;
				})) {
					problems.push('row ' + (row + 1) + ', column ' + (column + 1) + ' of the ' + columns.length
						+ '-column grid holds no card');
				}
			}));
			const top = Math.min(...cards.map((card) => card.getBoundingClientRect().top));
			const bottom = Math.max(...cards.map((card) => card.getBoundingClientRect().bottom));
			const inner = main.clientWidth - parseFloat(grid.paddingLeft) - parseFloat(grid.paddingRight);
			const covered = cards.map((card) => card.getBoundingClientRect())
				.reduce((sum, area) => sum + area.width * area.height, 0) / (inner * (bottom - top));
			if (covered < 0.85) {
				problems.push('the cards cover ' + Math.round(100 * covered) + ' % of the area they span');
			}
			if (root.scrollHeight <= root.clientHeight && root.clientHeight - bottom > 120) {
				problems.push(Math.round(root.clientHeight - bottom) + ' px blank below the cards');
			}
			return problems;
			""";

	private static Path userDataDirectory;

	private static ChromeDriverService driverService;

	private static ChromeDriver browser;

	@Autowired
	private ReactiveStringRedisTemplate template;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void emptyTheStore(TestRedis testRedis) {
		testRedis.inNamespace(EventStoreKeys.DEFAULT_NAMESPACE).clear();
	}

	@BeforeAll
	static void startChromium() throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			fail("The browser test needs Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
					+ ". Install them with: apt-get update && apt-get install -y chromium chromium-driver"
					+ " (.ci/run does), or point -Dchromium.binary and -Dchromium.driver at them.");
		}
		userDataDirectory = Files.createTempDirectory("dashboard-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--disable-component-update", "--no-first-run",
				"--user-data-dir=" + userDataDirectory, "--window-size=1360,1200", "--force-device-scale-factor=1",
				"--lang=en-US");
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
		// The driver is given, so Selenium Manager never looks for (or downloads) one.
		driverService = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withLogOutput(OutputStream.nullOutputStream())
			.build();
		browser = new ChromeDriver(driverService, options);
		browser.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
		browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ERROR_COLLECTOR));
	}

	@AfterAll
	static void stopEverything() {
		try {
			if (browser != null) {
				browser.quit();
			}
			if (driverService != null) {
				driverService.stop();
			}
		}
		finally {
			if (userDataDirectory != null) {
				FileSystemUtils.deleteRecursively(userDataDirectory.toFile());
			}
		}
	}

	@Test
	void showsTheStoredEventsLiveAndLogsNoError() throws IOException {
		// The fixture's last second of events comes in after the page is open.
		int early = GhArchiveEvents.store(this.template, ONE_SECOND_A_MINUTE, (createdAt) -> createdAt.isBefore(LAST));
		PollerStatusFixture.reportHealthyPoller(this.template, NOW.minusSeconds(20));
		List<TypeAndTime> events = GhArchiveEvents.readIndependently(ONE_SECOND_A_MINUTE);
		List<TypeAndTime> earlyEvents = events.stream()
			.filter((event) -> event.createdAt().isBefore(ONE_SECOND_A_MINUTE.apply(LAST)))
			.toList();
		assertThat(earlyEvents).hasSize(early).hasSizeLessThan(events.size());

		browser.get("http://127.0.0.1:" + this.port + "/dashboard");
		WebDriverWait wait = new WebDriverWait(browser, WAIT);
		wait.until((driver) -> script("return window.dashboard.summaries > 0 && window.dashboard.countsLoaded != null"
				+ " && Chart.getChart('timeline-chart') !== undefined"));
		assertThatTheChartHoldsEachTypePerMinute(earlyEvents);

		script("window.sameDocument = true");
		GhArchiveEvents.store(this.template, ONE_SECOND_A_MINUTE, (createdAt) -> !createdAt.isBefore(LAST));
		wait.until((driver) -> expectedPerMinute(events, FROM).equals(chartData().get("data")));
		assertThat(script("return window.sameDocument === true")).as("updated without reloading the page")
			.isEqualTo(true);
		assertThatTheChartHoldsEachTypePerMinute(events);

		assertThatTheCountsAreThoseOfTheLastTenMinutes(events, wait);
		assertThatThePanelsShowThePollerAndTheMadePublicFeed();
		lookUpThePullRequestInterval(wait);
		assertThatTheBadgeTellsWhatThePollerReports(wait);
		assertThatNothingOverflowsFromAPhoneToALargeScreen(wait);
		assertThatThePageLoggedNoError();
		resize(SCREENSHOT, wait);
		Path screenshot = Path.of("target", "dashboard.png");
		Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
		assertThat(screenshot).isNotEmptyFile();
	}

	/**
	 * The header's badge speaks of the data, from the poller's status, whatever the
	 * page's connection: green "Live" only while the poller polls and is not stale.
	 */
	private void assertThatTheBadgeTellsWhatThePollerReports(WebDriverWait wait) {
		PollerStatusFixture.report(this.template, "BACKING_OFF", NOW.minusSeconds(5), "error", NOW.minusSeconds(65));
		expectBadge(wait, "BACKING_OFF, last poll error", "delayed", "Delayed · poller BACKING_OFF", "fresh");
		PollerStatusFixture.report(this.template, "RATE_LIMITED", NOW.minusSeconds(5), "403", NOW.minusSeconds(65));
		expectBadge(wait, "RATE_LIMITED, last poll 403", "delayed", "Delayed · poller RATE_LIMITED", "fresh");
		PollerStatusFixture.report(this.template, "BACKING_OFF", NOW.minusSeconds(5), "error",
				NOW.minus(Duration.ofMinutes(10)));
		expectBadge(wait, "BACKING_OFF, last poll error", "stale", "Stale · last successful poll 10 min ago", "stale");
		// Polling again, but nothing succeeded for 10 minutes: still stale, not live.
		PollerStatusFixture.report(this.template, "POLLING", NOW.minusSeconds(5), "500",
				NOW.minus(Duration.ofMinutes(10)));
		expectBadge(wait, "POLLING, last poll 500", "stale", "Stale · last successful poll 10 min ago", "stale");
		PollerStatusFixture.reportReplay(this.template, "sample.ndjson.gz", NOW.minusSeconds(1));
		expectBadge(wait, "REPLAYING, last poll replay", "replay", "Replay · sample.ndjson.gz played as a live feed",
				"fresh");
		PollerStatusFixture.reportHealthyPoller(this.template, NOW.minusSeconds(20));
		PollerStatusFixture.forgetLastError(this.template);
		expectBadge(wait, "POLLING, last poll 200", "live", "Live · newest event", "fresh");
		assertThat(browser.findElement(By.id("connection")).getText()).startsWith("Connected · updated ");
	}

	/** Waits until the page shows a status, then checks what the badge says of it. */
	private static void expectBadge(WebDriverWait wait, String shownState, String state, String text,
			String pollerBadge) {
		wait.until((driver) -> shownState.equals(browser.findElement(By.id("poller-state")).getText())
				&& pollerBadge.equals(browser.findElement(By.id("poller-badge")).getText()));
		WebElement badge = browser.findElement(By.id("data-badge"));
		assertThat(badge.getText()).startsWith(text);
		assertThat(badge.getDomAttribute("data-state")).isEqualTo(state);
		String colour = (String) script("return getComputedStyle(document.getElementById('data-badge')).color");
		assertThat(colour.equals("rgb(26, 127, 55)")).as("green badge, the poller's state %s", state)
			.isEqualTo(state.equals("live"));
	}

	private void assertThatNothingOverflowsFromAPhoneToALargeScreen(WebDriverWait wait) {
		Map<String, List<?>> problems = new LinkedHashMap<>();
		for (Viewport viewport : VIEWPORTS) {
			resize(viewport, wait);
			List<?> found = (List<?>) script(LAYOUT_PROBLEMS);
			if (!found.isEmpty()) {
				problems.put(viewport.width() + "x" + viewport.height(), found);
			}
		}
		assertThat(problems).as("layout problems by window size").isEmpty();
	}

	/** Sets the window's inner size and waits until the chart has followed. */
	private static void resize(Viewport viewport, WebDriverWait wait) {
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", viewport.width(), "height",
				viewport.height(), "deviceScaleFactor", 1, "mobile", viewport.mobile()));
		wait.until((driver) -> script("""
				const chart = Chart.getChart('timeline-chart');
				const box = chart.canvas.parentElement;
				return window.innerWidth === %d && Math.abs(chart.width - box.clientWidth) <= 1
					&& Math.abs(chart.height - box.clientHeight) <= 1;
				""".formatted(viewport.width())));
	}

	private void assertThatTheChartHoldsEachTypePerMinute(List<TypeAndTime> events) {
		Map<?, ?> chart = chartData();
		List<String> minutes = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			minutes.add(FROM.plus(Duration.ofMinutes(i)).toString().substring(11, 16));
		}
		assertThat(chart.get("labels")).isEqualTo(minutes);
		assertThat(chart.get("data")).isEqualTo(expectedPerMinute(events, FROM));
		assertThat(chart.get("stacked")).isEqualTo(true);
		assertThat(((Number) chart.get("drawnWidth")).doubleValue()).isGreaterThan(500);
		assertThat(chart.get("emptyLabelShown")).isEqualTo(false);
	}

	private static Map<?, ?> chartData() {
		return (Map<?, ?>) script("""
				const chart = Chart.getChart('timeline-chart');
				const data = {};
				chart.data.datasets.forEach((dataset) => data[dataset.label] = dataset.data);
				return { labels: chart.data.labels, data: data, stacked: chart.options.scales.y.stacked,
					drawnWidth: chart.chartArea.width,
					emptyLabelShown: getComputedStyle(document.getElementById('timeline-empty')).display !== 'none' };
				""");
	}

	private void assertThatTheCountsAreThoseOfTheLastTenMinutes(List<TypeAndTime> events, WebDriverWait wait) {
		Instant from = NOW.minus(Duration.ofMinutes(10));
		long expected = events.stream()
			.filter((event) -> event.createdAt().isAfter(from) && !event.createdAt().isAfter(NOW))
			.count();
		assertThat(expected).isPositive();
		// The page refreshes the counts every few seconds.
		wait.until((
				driver) -> browser.findElement(By.id("counts-total")).getText().equals(String.format("%,d", expected)));
	}

	private void assertThatThePanelsShowThePollerAndTheMadePublicFeed() {
		assertThat(browser.findElement(By.id("poller-badge")).getText()).isEqualTo("fresh");
		assertThat(browser.findElement(By.id("poller-leader")).getText()).isEqualTo(PollerStatusFixture.INSTANCE);
		assertThat(browser.findElement(By.id("poller-lag")).getText()).isEqualTo("20 s");
		assertThat(browser.findElement(By.id("poller-rate-limit")).getText()).startsWith("4,712 of 5,000 left");
		assertThat(browser.findElement(By.id("poller-gaps")).getText()).isEqualTo("2");
		assertThat(browser.findElements(By.cssSelector("#made-public li"))).hasSize(10);
		assertThat(browser.findElement(By.id("data-badge")).getDomAttribute("data-state")).isEqualTo("live");
		assertThat(browser.findElement(By.id("data-badge")).getText()).startsWith("Live · newest event");
	}

	private void lookUpThePullRequestInterval(WebDriverWait wait) {
		browser.findElement(By.id("pr-repo")).sendKeys("nilcsi/topic-interview-questions");
		browser.findElement(By.cssSelector("#pr-form button")).click();
		wait.until((driver) -> script("return window.dashboard.pullRequests != null"));
		assertThat(browser.findElement(By.id("pr-result")).getText())
			.startsWith("nilcsi/topic-interview-questions: 3 pull requests opened, on average");
		// A legacy login (consecutive hyphens) and an Enterprise one (underscore): the
		// form
		// sends them and the API answers.
		for (String repo : List.of("zhou---jing/zhou---jing.github.com", "foo_bar/baz")) {
			script("window.dashboard.pullRequests = null");
			browser.findElement(By.id("pr-repo")).clear();
			browser.findElement(By.id("pr-repo")).sendKeys(repo);
			browser.findElement(By.cssSelector("#pr-form button")).click();
			wait.until((driver) -> script("return window.dashboard.pullRequests != null"));
			assertThat(browser.findElement(By.id("pr-result")).getText())
				.isEqualTo(repo + ": 0 pull request(s) opened, too few for an average.");
		}
	}

	private void assertThatThePageLoggedNoError() {
		assertThat((List<?>) script("return window.pageErrors")).as("errors the page reported").isEmpty();
		List<String> severe = browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.WARNING.intValue())
			.map(LogEntry::toString)
			.toList();
		assertThat(severe).as("browser console warnings and errors").isEmpty();
	}

	private static Map<String, List<Long>> expectedPerMinute(List<TypeAndTime> events, Instant from) {
		Map<String, Long[]> counts = new TreeMap<>();
		for (TypeAndTime event : events) {
			long minute = event.bucketIndex(from, Duration.ofMinutes(1));
			if (minute >= 0 && minute < 60) {
				Long[] perMinute = counts.computeIfAbsent(event.type(), (type) -> {
					Long[] zeros = new Long[60];
					Arrays.fill(zeros, 0L);
					return zeros;
				});
				perMinute[(int) minute]++;
			}
		}
		Map<String, List<Long>> expected = new TreeMap<>();
		counts.forEach((type, perMinute) -> expected.put(type, List.of(perMinute)));
		return expected;
	}

	private static Object script(String script) {
		return browser.executeScript(script);
	}

	/**
	 * A window's inner size.
	 *
	 * @param width its width in CSS pixels
	 * @param height its height
	 * @param mobile whether it is a phone's (the page's viewport meta applies)
	 */
	private record Viewport(int width, int height, boolean mobile) {

	}

	@TestConfiguration
	static class PinnedClock {

		@Bean
		@Primary
		Clock pinnedClock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
