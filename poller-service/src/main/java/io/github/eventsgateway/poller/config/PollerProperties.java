package io.github.eventsgateway.poller.config;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.github.eventsgateway.poller.github.GitHubToken;
import io.github.eventsgateway.store.autoconfigure.InvalidConfigurationException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The poller's configuration, bound from {@code gateway.poller.*} (which
 * {@code application.yml} maps from environment variables) and checked at start-up: a
 * wrong value fails with one line that names the environment variable.
 *
 * @param githubApiUrl GitHub's API root ({@code GITHUB_API_URL})
 * @param tokens comma-separated tokens ({@code GITHUB_TOKENS} and {@code GITHUB_TOKEN});
 * blank and repeated entries are ignored, none means anonymous
 * @param instanceId this instance's name ({@code POLLER_INSTANCE_ID}); blank means host
 * name and process id
 * @param pages how many pages of 100 events one poll may fetch ({@code POLLER_PAGES})
 * @param source {@code github}, or {@code file:PATH} for a GH Archive file
 * ({@code POLLER_SOURCE})
 * @param fileMode {@code replay} or {@code import} ({@code POLLER_FILE_MODE})
 * @param exitAfterImport whether the process exits once a file is imported
 * ({@code POLLER_EXIT_AFTER_IMPORT})
 * @param importBatchSize events per ingest round trip of a file import
 * @param userAgent the {@code User-Agent} sent to GitHub ({@code POLLER_USER_AGENT})
 * @param defaultPollInterval the interval between polls when GitHub sends no
 * {@code X-Poll-Interval}
 * @param minPollInterval the shortest interval between two polls with one token, whatever
 * GitHub says (tests shorten it)
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
		String instanceId, @DefaultValue("3") int pages, @DefaultValue("github") String source,
		@DefaultValue("replay") String fileMode, @DefaultValue("false") boolean exitAfterImport,
		@DefaultValue("1000") int importBatchSize, @DefaultValue("github-events-gateway-poller") String userAgent,
		@DefaultValue("60s") Duration defaultPollInterval, @DefaultValue("1s") Duration minPollInterval,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue("2s") Duration backoffInitial,
		@DefaultValue("5m") Duration backoffMax, @DefaultValue("60s") Duration secondaryLimitWait,
		@DefaultValue("10s") Duration leaseTtl, @DefaultValue("3s") Duration leaseRenewInterval,
		@DefaultValue("2s") Duration standbyRetryInterval) {

	private static final String FILE_PREFIX = "file:";

	public PollerProperties {
		githubApiUrl = checkApiUrl(githubApiUrl);
		instanceId = (instanceId == null || instanceId.isBlank()) ? defaultInstanceId() : instanceId.trim();
		check(pages >= 1 && pages <= 3, "POLLER_PAGES must be 1 to 3, was " + pages);
		source = (source == null || source.isBlank()) ? "github" : source.trim();
		check("github".equals(source) || (source.startsWith(FILE_PREFIX) && source.length() > FILE_PREFIX.length()),
				"POLLER_SOURCE must be 'github' or 'file:PATH', was '" + source + "'");
		fileMode = (fileMode == null || fileMode.isBlank()) ? "replay" : fileMode.trim().toLowerCase(Locale.ROOT);
		check("replay".equals(fileMode) || "import".equals(fileMode),
				"POLLER_FILE_MODE must be 'replay' or 'import', was '" + fileMode + "'");
		check(importBatchSize >= 1 && importBatchSize <= 10_000,
				"gateway.poller.import-batch-size must be 1 to 10000, was " + importBatchSize);
		check(userAgent != null && !userAgent.isBlank(), "POLLER_USER_AGENT must not be blank");
		check(leaseRenewInterval.compareTo(leaseTtl.dividedBy(2)) <= 0,
				"gateway.poller.lease-renew-interval must be at most half the lease TTL");
	}

	/** The tokens configured, in order, blank and repeated entries left out. */
	public List<GitHubToken> tokenList() {
		if (this.tokens == null) {
			return List.of();
		}
		List<String> values = Arrays.stream(this.tokens.split(","))
			.map(String::trim)
			.filter((t) -> !t.isEmpty())
			.distinct()
			.toList();
		return GitHubToken.of(values);
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

	/** Never prints the tokens, only how many there are. */
	@Override
	public String toString() {
		return "PollerProperties[githubApiUrl=" + this.githubApiUrl + ", tokens=" + tokenList().size() + ", instanceId="
				+ this.instanceId + ", pages=" + this.pages + ", source=" + this.source + ", fileMode=" + this.fileMode
				+ "]";
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

}
