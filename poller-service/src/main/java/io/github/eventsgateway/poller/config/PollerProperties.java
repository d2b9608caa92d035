package io.github.eventsgateway.poller.config;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.github.eventsgateway.poller.pacing.PacingMode;
import io.github.eventsgateway.store.autoconfigure.InvalidConfigurationException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The poller's configuration, bound from {@code gateway.poller.*} (which
 * {@code application.yml} maps from environment variables) and checked at start-up: a
 * wrong value fails with one line that names the environment variable.
 *
 * @param githubApiUrl GitHub's API root ({@code GITHUB_API_URL})
 * @param tokens comma-separated personal tokens ({@code GITHUB_TOKENS} and
 * {@code GITHUB_TOKEN}); blank and repeated entries are ignored
 * @param app a GitHub App installation to poll with as well ({@code GITHUB_APP_*})
 * @param instanceId this instance's name ({@code POLLER_INSTANCE_ID}); blank means host
 * name and process id
 * @param pages how many pages of 100 events the feed offers to read
 * ({@code POLLER_PAGES}, GitHub's limit is 3)
 * @param pacing {@code budget} or {@code poll-interval} ({@code POLLER_PACING})
 * @param maxRequestsPerMinute the most requests one credential sends in a minute, 304s
 * included ({@code POLLER_MAX_REQUESTS_PER_MINUTE}); GitHub's secondary limit is 900
 * @param source {@code github}, or {@code file:PATH} for a GH Archive file
 * ({@code POLLER_SOURCE})
 * @param fileMode {@code loop} (a file played as a live feed, for as long as the poller
 * runs), {@code replay} (stored once, its times shifted so that its newest event is now)
 * or {@code import} (stored once with its own times) ({@code POLLER_FILE_MODE})
 * @param exitAfterImport whether the process exits once a file is imported
 * ({@code POLLER_EXIT_AFTER_IMPORT})
 * @param importBatchSize events per ingest round trip of a file import
 * @param userAgent the {@code User-Agent} sent to GitHub ({@code POLLER_USER_AGENT})
 * @param defaultPollInterval the interval between polls when GitHub sends no
 * {@code X-Poll-Interval} (poll-interval pacing)
 * @param minReadInterval the shortest time between two reads of one stream of the feed
 * @param maxReadInterval the longest time between two reads of one stream, however little
 * it moves
 * @param burst the most requests a credential may send at once after a quiet spell
 * @param requestTimeout how long one request to GitHub may take
 * @param backoffInitial the first wait after a failure
 * @param backoffMax the longest wait after repeated failures
 * @param secondaryLimitWait the shortest wait after a secondary rate limit
 * @param leaseTtl how long the lease lasts without renewal
 * @param leaseRenewInterval how often the leader renews the lease
 * @param standbyRetryInterval how often a standby tries to take the lease
 */
@ConfigurationProperties("gateway.poller")
public record PollerProperties(@DefaultValue("https://api.github.com") String githubApiUrl, String tokens,
		@DefaultValue AppProperties app, String instanceId, @DefaultValue("3") int pages,
		@DefaultValue("budget") String pacing, @DefaultValue("600") int maxRequestsPerMinute,
		@DefaultValue("github") String source, @DefaultValue("loop") String fileMode,
		@DefaultValue("false") boolean exitAfterImport, @DefaultValue("1000") int importBatchSize,
		@DefaultValue("github-events-gateway-poller") String userAgent,
		@DefaultValue("60s") Duration defaultPollInterval, @DefaultValue("200ms") Duration minReadInterval,
		@DefaultValue("10s") Duration maxReadInterval, @DefaultValue("4") int burst,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue("2s") Duration backoffInitial,
		@DefaultValue("5m") Duration backoffMax, @DefaultValue("60s") Duration secondaryLimitWait,
		@DefaultValue("10s") Duration leaseTtl, @DefaultValue("3s") Duration leaseRenewInterval,
		@DefaultValue("2s") Duration standbyRetryInterval) {

	private static final String FILE_PREFIX = "file:";

	public PollerProperties {
		githubApiUrl = checkApiUrl(githubApiUrl);
		instanceId = (instanceId == null || instanceId.isBlank()) ? defaultInstanceId() : instanceId.trim();
		check(pages >= 1 && pages <= 3, "POLLER_PAGES must be 1 to 3, was " + pages);
		check(pacing != null && PacingMode.of(pacing) != null,
				"POLLER_PACING must be 'budget' or 'poll-interval', was '" + pacing + "'");
		check(maxRequestsPerMinute >= 1 && maxRequestsPerMinute <= 900,
				"POLLER_MAX_REQUESTS_PER_MINUTE must be 1 to 900 (GitHub's secondary limit), was "
						+ maxRequestsPerMinute);
		source = (source == null || source.isBlank()) ? "github" : source.trim();
		check("github".equals(source) || (source.startsWith(FILE_PREFIX) && source.length() > FILE_PREFIX.length()),
				"POLLER_SOURCE must be 'github' or 'file:PATH', was '" + source + "'");
		if (source.startsWith(FILE_PREFIX)) {
			checkReadable(source.substring(FILE_PREFIX.length()));
		}
		fileMode = (fileMode == null || fileMode.isBlank()) ? "loop" : fileMode.trim().toLowerCase(Locale.ROOT);
		check("replay".equals(fileMode) || "import".equals(fileMode) || "loop".equals(fileMode),
				"POLLER_FILE_MODE must be 'replay', 'import' or 'loop', was '" + fileMode + "'");
		check(!(exitAfterImport && "loop".equals(fileMode)),
				"POLLER_EXIT_AFTER_IMPORT=true cannot be used with POLLER_FILE_MODE=loop, which never ends");
		check(importBatchSize >= 1 && importBatchSize <= 10_000,
				"gateway.poller.import-batch-size must be 1 to 10000, was " + importBatchSize);
		check(userAgent != null && !userAgent.isBlank(), "POLLER_USER_AGENT must not be blank");
		check(burst >= pages, "gateway.poller.burst must be at least POLLER_PAGES");
		check(minReadInterval.compareTo(maxReadInterval) <= 0,
				"gateway.poller.min-read-interval must not exceed max-read-interval");
		check(leaseRenewInterval.compareTo(leaseTtl.dividedBy(2)) <= 0,
				"gateway.poller.lease-renew-interval must be at most half the lease TTL");
	}

	/** The personal tokens configured, in order, blank and repeated entries left out. */
	public List<String> tokenList() {
		if (this.tokens == null) {
			return List.of();
		}
		return Arrays.stream(this.tokens.split(",")).map(String::trim).filter((t) -> !t.isEmpty()).distinct().toList();
	}

	public PacingMode pacingMode() {
		return PacingMode.of(this.pacing);
	}

	/** Whether events come from a file rather than GitHub. */
	public boolean readsFile() {
		return this.source.startsWith(FILE_PREFIX);
	}

	/** The path of the file to read, when {@link #readsFile()}. */
	public String filePath() {
		return this.source.substring(FILE_PREFIX.length());
	}

	/** Whether a file's times are shifted so that its newest event lands at now. */
	public boolean replaysFile() {
		return "replay".equals(this.fileMode);
	}

	/**
	 * Whether a file is played as a live feed, round after round, for as long as it runs.
	 */
	public boolean loopsFile() {
		return "loop".equals(this.fileMode);
	}

	/** Never prints a secret, only how many tokens there are and the App's ids. */
	@Override
	public String toString() {
		return "PollerProperties[githubApiUrl=" + this.githubApiUrl + ", tokens=" + tokenList().size() + ", app="
				+ this.app + ", instanceId=" + this.instanceId + ", pages=" + this.pages + ", pacing=" + this.pacing
				+ ", source=" + this.source + ", fileMode=" + this.fileMode + "]";
	}

	private static String checkApiUrl(String url) {
		String value = (url == null || url.isBlank()) ? "https://api.github.com" : url.trim();
		try {
			URI uri = URI.create(value);
			check(("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
					&& uri.getUserInfo() == null, "");
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationException(
					"GITHUB_API_URL must be an http(s) URL without credentials, like https://api.github.com");
		}
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

	private static void checkReadable(String path) {
		try {
			Path file = Path.of(path);
			check(Files.isRegularFile(file) && Files.isReadable(file),
					"POLLER_SOURCE names a file that cannot be read: " + path);
		}
		catch (InvalidPathException ex) {
			throw new InvalidConfigurationException("POLLER_SOURCE names no valid path: " + path);
		}
	}

	private static void check(boolean valid, String message) {
		if (!valid) {
			throw new InvalidConfigurationException(message);
		}
	}

	private static String defaultInstanceId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "poller";
		}
		return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
	}

	/**
	 * A GitHub App installation to poll with, beside the personal tokens: all three set,
	 * or none.
	 *
	 * @param id the App's id ({@code GITHUB_APP_ID})
	 * @param privateKey the App's private key, its PEM content or the path of its file
	 * ({@code GITHUB_APP_PRIVATE_KEY})
	 * @param installationId the installation's id ({@code GITHUB_APP_INSTALLATION_ID})
	 */
	public record AppProperties(String id, String privateKey, String installationId) {

		public AppProperties {
			id = blankToNull(id);
			privateKey = blankToNull(privateKey);
			installationId = blankToNull(installationId);
			long set = Stream.of(id, privateKey, installationId).filter((value) -> value != null).count();
			check(set == 0 || set == 3, "GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY and GITHUB_APP_INSTALLATION_ID"
					+ " must be set together (or none of them)");
			check(id == null || id.matches("[0-9A-Za-z.]{1,64}"),
					"GITHUB_APP_ID must be the App's id (or client id), was '" + id + "'");
			check(installationId == null || installationId.matches("[0-9]{1,20}"),
					"GITHUB_APP_INSTALLATION_ID must be a number, was '" + installationId + "'");
		}

		/** Whether an App is configured. */
		public boolean isConfigured() {
			return this.id != null;
		}

		/** Never prints the key. */
		@Override
		public String toString() {
			return isConfigured() ? "app " + this.id + " installation " + this.installationId : "none";
		}

		private static String blankToNull(String value) {
			return (value == null || value.isBlank()) ? null : value.trim();
		}

	}

}
