package io.github.eventsgateway.firehose;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How the stand-in behaves. The defaults are GitHub's: a window of the newest 300 events,
 * pages of at most 100, {@code X-Poll-Interval: 60}, 5000 requests an hour per token and
 * 60 without one, 900 requests a minute and 100 at once per credential. The feed is the
 * classic one unless {@link FeedMode#SPLIT} is asked for.
 *
 * @param port the port to listen on, 0 for a free one
 * @param eventsPerSecond how many events are generated each second (classic feed)
 * @param visibilityDelay how long after its created_at an event shows in the feed
 * (classic feed)
 * @param windowSize how many of the newest events the feed shows at most (classic feed;
 * the split feed shows 100 of its push stream and 200 of the other)
 * @param maxPerPage the largest {@code per_page} honoured
 * @param defaultPerPage the page size when {@code per_page} is missing
 * @param pollIntervalSeconds the {@code X-Poll-Interval} sent with every answer
 * @param tokens the tokens that are accepted (any other gets 401)
 * @param tokenLimit the requests each token may spend per rate-limit window
 * @param anonymousLimit the requests allowed without a token per rate-limit window
 * @param rateLimitWindow how long a budget lasts before it resets (an hour on GitHub)
 * @param exhaustedStatus the status when a budget is spent: 403 or 429
 * @param faultRate the share of requests answered with a fault, 0 to 1
 * @param faults the kinds of fault to pick from
 * @param slowResponseDelay how long a slow response is held back
 * @param secondaryRetryAfterSeconds the {@code retry-after} of an injected secondary rate
 * limit ({@link Fault#SECONDARY_RATE_LIMIT})
 * @param seed the seed of the event generator and of the fault dice
 * @param clock the clock of generation, visibility and budgets
 * @param feed which feed to serve
 * @param split how the split feed behaves
 * @param secondaryLimit the secondary rate limit that requests provoke
 * @param app the GitHub App whose installation tokens are accepted
 */
public record FirehoseSettings(int port, double eventsPerSecond, Duration visibilityDelay, int windowSize,
		int maxPerPage, int defaultPerPage, int pollIntervalSeconds, List<String> tokens, int tokenLimit,
		int anonymousLimit, Duration rateLimitWindow, int exhaustedStatus, double faultRate, Set<Fault> faults,
		Duration slowResponseDelay, int secondaryRetryAfterSeconds, long seed, Clock clock, FeedMode feed,
		SplitFeedSettings split, SecondaryLimitSettings secondaryLimit, AppSettings app) {

	public FirehoseSettings {
		if (eventsPerSecond < 0) {
			throw new IllegalArgumentException("eventsPerSecond must not be negative");
		}
		if (exhaustedStatus != 403 && exhaustedStatus != 429) {
			throw new IllegalArgumentException("exhaustedStatus must be 403 or 429");
		}
		if (faultRate < 0 || faultRate > 1) {
			throw new IllegalArgumentException("faultRate must lie between 0 and 1");
		}
		tokens = List.copyOf(tokens);
		faults = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Builds settings from GitHub's defaults. */
	public static final class Builder {

		private int port;

		private double eventsPerSecond = 10;

		private Duration visibilityDelay = Duration.ZERO;

		private int windowSize = 300;

		private int maxPerPage = 100;

		private int defaultPerPage = 30;

		private int pollIntervalSeconds = 60;

		private List<String> tokens = List.of();

		private int tokenLimit = 5000;

		private int anonymousLimit = 60;

		private Duration rateLimitWindow = Duration.ofHours(1);

		private int exhaustedStatus = 403;

		private double faultRate;

		private Set<Fault> faults = EnumSet.allOf(Fault.class);

		private Duration slowResponseDelay = Duration.ofSeconds(30);

		private int secondaryRetryAfterSeconds = 5;

		private long seed = 42;

		private Clock clock = Clock.systemUTC();

		private FeedMode feed = FeedMode.CLASSIC;

		private double pushRate = SplitFeedSettings.DEFAULTS.pushRate();

		private double otherRate = SplitFeedSettings.DEFAULTS.otherRate();

		private Duration visibilityDelayMin = SplitFeedSettings.DEFAULTS.visibilityDelayMin();

		private Duration visibilityDelayMax = SplitFeedSettings.DEFAULTS.visibilityDelayMax();

		private double lateShare = SplitFeedSettings.DEFAULTS.lateShare();

		private Duration lateDelayMax = SplitFeedSettings.DEFAULTS.lateDelayMax();

		private int surfaceDepth = SplitFeedSettings.DEFAULTS.surfaceDepth();

		private int secondaryPerWindow = SecondaryLimitSettings.DEFAULTS.perWindow();

		private Duration secondaryWindow = SecondaryLimitSettings.DEFAULTS.window();

		private int secondaryMaxConcurrent = SecondaryLimitSettings.DEFAULTS.maxConcurrent();

		private int secondaryStatus = SecondaryLimitSettings.DEFAULTS.status();

		private long appId = AppSettings.NONE.appId();

		private long appInstallationId = AppSettings.NONE.installationId();

		private PublicKey appPublicKey;

		private Path appPrivateKeyOut;

		private int appTokenLimit = AppSettings.NONE.tokenLimit();

		private Duration appTokenLifetime = AppSettings.NONE.tokenLifetime();

		private Builder() {
		}

		public Builder port(int port) {
			this.port = port;
			return this;
		}

		public Builder eventsPerSecond(double eventsPerSecond) {
			this.eventsPerSecond = eventsPerSecond;
			return this;
		}

		public Builder visibilityDelay(Duration visibilityDelay) {
			this.visibilityDelay = visibilityDelay;
			return this;
		}

		public Builder windowSize(int windowSize) {
			this.windowSize = windowSize;
			return this;
		}

		public Builder maxPerPage(int maxPerPage) {
			this.maxPerPage = maxPerPage;
			return this;
		}

		public Builder defaultPerPage(int defaultPerPage) {
			this.defaultPerPage = defaultPerPage;
			return this;
		}

		public Builder pollIntervalSeconds(int pollIntervalSeconds) {
			this.pollIntervalSeconds = pollIntervalSeconds;
			return this;
		}

		public Builder tokens(List<String> tokens) {
			this.tokens = tokens;
			return this;
		}

		public Builder tokenLimit(int tokenLimit) {
			this.tokenLimit = tokenLimit;
			return this;
		}

		public Builder anonymousLimit(int anonymousLimit) {
			this.anonymousLimit = anonymousLimit;
			return this;
		}

		public Builder rateLimitWindow(Duration rateLimitWindow) {
			this.rateLimitWindow = rateLimitWindow;
			return this;
		}

		public Builder exhaustedStatus(int exhaustedStatus) {
			this.exhaustedStatus = exhaustedStatus;
			return this;
		}

		public Builder faultRate(double faultRate) {
			this.faultRate = faultRate;
			return this;
		}

		public Builder faults(Set<Fault> faults) {
			this.faults = faults;
			return this;
		}

		public Builder slowResponseDelay(Duration slowResponseDelay) {
			this.slowResponseDelay = slowResponseDelay;
			return this;
		}

		public Builder secondaryRetryAfterSeconds(int secondaryRetryAfterSeconds) {
			this.secondaryRetryAfterSeconds = secondaryRetryAfterSeconds;
			return this;
		}

		public Builder seed(long seed) {
			this.seed = seed;
			return this;
		}

		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		public Builder feed(FeedMode feed) {
			this.feed = feed;
			return this;
		}

		/** The split feed's settings at once; the setters below change one of them. */
		public Builder split(SplitFeedSettings split) {
			this.pushRate = split.pushRate();
			this.otherRate = split.otherRate();
			this.visibilityDelayMin = split.visibilityDelayMin();
			this.visibilityDelayMax = split.visibilityDelayMax();
			this.lateShare = split.lateShare();
			this.lateDelayMax = split.lateDelayMax();
			this.surfaceDepth = split.surfaceDepth();
			return this;
		}

		public Builder pushRate(double pushRate) {
			this.pushRate = pushRate;
			return this;
		}

		public Builder otherRate(double otherRate) {
			this.otherRate = otherRate;
			return this;
		}

		/**
		 * The split feed's visibility delay, drawn per event between the two.
		 * @param min the shortest
		 * @param max the longest of an event that is not late
		 * @return this builder
		 */
		public Builder visibilityDelays(Duration min, Duration max) {
			this.visibilityDelayMin = min;
			this.visibilityDelayMax = max;
			return this;
		}

		/**
		 * The split feed's late events.
		 * @param share the share of events that are late, 0 to 1
		 * @param maxDelay the longest delay of a late event
		 * @return this builder
		 */
		public Builder lateEvents(double share, Duration maxDelay) {
			this.lateShare = share;
			this.lateDelayMax = maxDelay;
			return this;
		}

		public Builder surfaceDepth(int surfaceDepth) {
			this.surfaceDepth = surfaceDepth;
			return this;
		}

		/**
		 * The secondary rate limit by count.
		 * @param perWindow requests allowed in any sliding window
		 * @param window the window (GitHub: a minute)
		 * @return this builder
		 */
		public Builder secondaryLimit(int perWindow, Duration window) {
			this.secondaryPerWindow = perWindow;
			this.secondaryWindow = window;
			return this;
		}

		public Builder secondaryMaxConcurrent(int maxConcurrent) {
			this.secondaryMaxConcurrent = maxConcurrent;
			return this;
		}

		public Builder secondaryLimitStatus(int status) {
			this.secondaryStatus = status;
			return this;
		}

		/**
		 * A GitHub App with one installation; the stand-in generates its key pair unless
		 * {@link #appPublicKey(PublicKey)} names one.
		 * @param appId the App's id
		 * @param installationId its installation's id
		 * @return this builder
		 */
		public Builder app(long appId, long installationId) {
			this.appId = appId;
			this.appInstallationId = installationId;
			return this;
		}

		public Builder appPublicKey(PublicKey publicKey) {
			this.appPublicKey = publicKey;
			return this;
		}

		public Builder appPrivateKeyOut(Path privateKeyOut) {
			this.appPrivateKeyOut = privateKeyOut;
			return this;
		}

		public Builder appTokenLimit(int appTokenLimit) {
			this.appTokenLimit = appTokenLimit;
			return this;
		}

		public Builder appTokenLifetime(Duration appTokenLifetime) {
			this.appTokenLifetime = appTokenLifetime;
			return this;
		}

		public FirehoseSettings build() {
			return new FirehoseSettings(this.port, this.eventsPerSecond, this.visibilityDelay, this.windowSize,
					this.maxPerPage, this.defaultPerPage, this.pollIntervalSeconds, this.tokens, this.tokenLimit,
					this.anonymousLimit, this.rateLimitWindow, this.exhaustedStatus, this.faultRate, this.faults,
					this.slowResponseDelay, this.secondaryRetryAfterSeconds, this.seed, this.clock, this.feed,
					new SplitFeedSettings(this.pushRate, this.otherRate, this.visibilityDelayMin,
							this.visibilityDelayMax, this.lateShare, this.lateDelayMax, this.surfaceDepth),
					new SecondaryLimitSettings(this.secondaryPerWindow, this.secondaryWindow,
							this.secondaryMaxConcurrent, this.secondaryStatus),
					new AppSettings(this.appId, this.appInstallationId, this.appPublicKey, this.appPrivateKeyOut,
							this.appTokenLimit, this.appTokenLifetime));
		}

	}

}
