package io.github.eventsgateway.firehose;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A stand-in for {@code api.github.com/events} under load, on a local port, serving the
 * classic feed or the split feed of 2026 ({@link FeedMode}). Tests start it in-process
 * ({@link #start(FirehoseSettings)}); the benchmarks run it through {@link FirehoseMain}.
 * It keeps a ledger per stream of every event that was ever visible and whether a
 * complete {@code 200} carried it, and a log of every request it answered; both are also
 * served over HTTP ({@link LedgerEndpoint}).
 */
public final class Firehose implements AutoCloseable {

	private final FirehoseSettings settings;

	private final EventFeed feed;

	private final FaultInjector faults;

	private final GitHubApp app;

	private final SecondaryLimits secondaryLimits;

	private final RequestLog requests = new RequestLog();

	private final DisposableServer server;

	private Firehose(FirehoseSettings settings, boolean generating) {
		this.settings = settings;
		this.feed = (settings.feed() == FeedMode.SPLIT) ? EventFeed.split(settings) : EventFeed.classic(settings);
		this.faults = new FaultInjector(settings.faultRate(), settings.faults(), settings.seed());
		this.app = settings.app().enabled() ? GitHubApp.create(settings.app(), settings.clock()) : null;
		this.secondaryLimits = new SecondaryLimits(settings.clock(), settings.secondaryLimit());
		EventsEndpoint events = new EventsEndpoint(settings, this.feed, new Credentials(settings.tokens(), this.app),
				new RateLimits(settings.clock(), settings.rateLimitWindow(), budgets(settings, this.app)),
				this.secondaryLimits, this.faults, this.requests);
		AppTokenEndpoint appTokens = new AppTokenEndpoint(settings.clock(), this.app, this.requests);
		LedgerEndpoint ledger = new LedgerEndpoint(this);
		if (generating) {
			this.feed.startGenerating();
		}
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(settings.port())
			.route((routes) -> routes.get("/events", events::handle)
				.post("/app/installations/{installationId}/access_tokens", appTokens::handle)
				.get("/_ledger", ledger::summary)
				.get("/_ledger/ids", ledger::ids)
				.get("/_ledger/minutes", ledger::minutes)
				.post("/_control/rate", ledger::rate))
			.bindNow(Duration.ofSeconds(10));
	}

	private static Map<String, Integer> budgets(FirehoseSettings settings, GitHubApp app) {
		Map<String, Integer> budgets = new LinkedHashMap<>();
		budgets.put(Credentials.ANONYMOUS, settings.anonymousLimit());
		for (int i = 0; i < settings.tokens().size(); i++) {
			budgets.put(Credentials.personalToken(i), settings.tokenLimit());
		}
		if (app != null) {
			budgets.put(app.credential(), settings.app().tokenLimit());
		}
		return budgets;
	}

	/**
	 * Starts the stand-in, generating events at once.
	 * @param settings how it behaves
	 * @return the running stand-in
	 */
	public static Firehose start(FirehoseSettings settings) {
		return new Firehose(settings, true);
	}

	/**
	 * Starts the stand-in with an empty feed that grows only after
	 * {@link #startGenerating()}, so that a benchmark can wait for its client first.
	 * @param settings how it behaves
	 * @return the running stand-in
	 */
	public static Firehose startPaused(FirehoseSettings settings) {
		return new Firehose(settings, false);
	}

	public FirehoseSettings settings() {
		return this.settings;
	}

	public FeedMode feedMode() {
		return this.settings.feed();
	}

	public int port() {
		return this.server.port();
	}

	/** The URL to give a client as GitHub's API URL (no trailing slash). */
	public String url() {
		return "http://127.0.0.1:" + port();
	}

	public void startGenerating() {
		this.feed.startGenerating();
	}

	/**
	 * Generates what is due now, then nothing more: the ledger of generated ids is final
	 * (events already generated still become visible when their time comes).
	 */
	public void stopGenerating() {
		this.feed.stopGenerating();
	}

	/**
	 * Changes the rate of the classic feed.
	 * @param eventsPerSecond the new rate
	 * @throws IllegalStateException in the split feed, whose streams have their own rates
	 * ({@link #eventsPerSecond(FeedStream, double)})
	 */
	public void eventsPerSecond(double eventsPerSecond) {
		if (feedMode() != FeedMode.CLASSIC) {
			throw new IllegalStateException("The split feed has a rate per stream: use eventsPerSecond(stream, rate)");
		}
		this.feed.eventsPerSecond(FeedStream.ALL, eventsPerSecond);
	}

	/**
	 * Changes a stream's rate from now on (0 stops it).
	 * @param stream {@link FeedStream#ALL} in the classic feed, {@link FeedStream#PUSH}
	 * or {@link FeedStream#OTHER} in the split feed
	 * @param eventsPerSecond the new rate
	 */
	public void eventsPerSecond(FeedStream stream, double eventsPerSecond) {
		this.feed.eventsPerSecond(stream, eventsPerSecond);
	}

	public double eventsPerSecond(FeedStream stream) {
		return this.feed.eventsPerSecond(stream);
	}

	/**
	 * Changes the share of requests answered with a fault.
	 * @param rate 0 to 1
	 */
	public void faultRate(double rate) {
		this.faults.rate(rate);
	}

	public void faultKinds(Set<Fault> kinds) {
		this.faults.kinds(kinds);
	}

	/** The feed's streams in page order: {@code [ALL]} or {@code [PUSH, OTHER]}. */
	public List<FeedStream> streams() {
		return this.feed.streams();
	}

	/**
	 * The ground truth of a stream: every event ever visible in it and whether a complete
	 * 200 carried it. Its queries answer as of the moment they are asked.
	 * @param stream one of {@link #streams()}
	 * @return its ledger
	 */
	public StreamLedger ledger(FeedStream stream) {
		return this.feed.ledger(stream);
	}

	/** Every event id generated so far (visible or not yet), in the order generated. */
	public List<Long> generatedIds() {
		return this.feed.generatedIds();
	}

	public int generatedCount() {
		return this.feed.generatedCount();
	}

	/**
	 * Every event id that a complete, fault-free 200 carried to a client, all streams.
	 */
	public Set<Long> servedIds() {
		Set<Long> served = new HashSet<>();
		for (FeedStream stream : streams()) {
			ledger(stream).servedIds().stream().forEach(served::add);
		}
		return served;
	}

	/** The ids the pages show now, page 1 first, each stream newest first. */
	public List<Long> visibleIds() {
		return this.feed.newest(0, this.feed.capacity()).stream().map(FeedEvent::id).toList();
	}

	/** Every request answered so far, in the order they were answered. */
	public List<RecordedRequest> requests() {
		return this.requests.all();
	}

	/** Requests by path, credential, page and status. */
	public List<RequestCount> requestCounts() {
		return this.requests.counts();
	}

	/** How many secondary-limit refusals the clients' own requests provoked, in all. */
	public long secondaryLimitsProvoked() {
		return secondaryLimitsProvokedByCredential().values().stream().mapToLong(Long::longValue).sum();
	}

	/** The secondary-limit refusals requests provoked, by credential. */
	public Map<String, Long> secondaryLimitsProvokedByCredential() {
		return this.secondaryLimits.provoked();
	}

	/** How many secondary-limit answers were injected faults (not provoked). */
	public long secondaryLimitsInjected() {
		return this.requests.injectedSecondaryLimits();
	}

	/**
	 * The most {@code /events} requests each credential sent in any sliding secondary
	 * window ({@link SecondaryLimitSettings#window()}, a minute by default), refused ones
	 * included: at most {@link SecondaryLimitSettings#perWindow()} for a client that
	 * never crossed the limit.
	 * @return the most, by credential
	 */
	public Map<String, Integer> maxRequestsPerSecondaryWindow() {
		return this.secondaryLimits.maxRequestsPerWindow();
	}

	/**
	 * The most {@code /events} requests each credential sent in any sliding window of the
	 * given length (401s included, under {@code unknown}).
	 * @param window the window
	 * @return the most, by credential
	 */
	public Map<String, Integer> maxRequestsInAnyWindow(Duration window) {
		return this.requests.maxRequestsInAnyWindow(window);
	}

	/**
	 * The App's private key, PKCS#8 PEM, when the stand-in generated the App's key pair.
	 * @return the key, empty without an App or when it was given a public key
	 */
	public Optional<String> appPrivateKeyPem() {
		return Optional.ofNullable(this.app).flatMap(GitHubApp::privateKeyPem);
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
	}

}
