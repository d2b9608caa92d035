package io.github.eventsgateway.firehose;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A stand-in for {@code api.github.com/events} under load, on a local port. Tests start
 * it in-process ({@link #start(FirehoseSettings)}); the benchmarks run it through
 * {@link FirehoseMain}. It keeps a ledger of every event it generated and every event a
 * complete {@code 200} carried, and of every request it answered.
 */
public final class Firehose implements AutoCloseable {

	private final FirehoseSettings settings;

	private final EventFeed feed;

	private final FaultInjector faults;

	private final Set<Long> servedIds = ConcurrentHashMap.newKeySet();

	private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();

	private final DisposableServer server;

	private Firehose(FirehoseSettings settings, boolean generating) {
		this.settings = settings;
		this.feed = new EventFeed(new EventGenerator(EventTemplates.load(), settings.seed()), settings.clock(),
				settings.visibilityDelay(), settings.windowSize(), settings.eventsPerSecond());
		this.faults = new FaultInjector(settings.faultRate(), settings.faults(), settings.seed());
		RateLimits rateLimits = new RateLimits(settings.clock(), settings.rateLimitWindow(), settings.tokens(),
				settings.tokenLimit(), settings.anonymousLimit());
		EventsEndpoint events = new EventsEndpoint(settings, this.feed, rateLimits, this.faults, this.servedIds,
				this.requests);
		if (generating) {
			this.feed.startGenerating();
		}
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(settings.port())
			.route((routes) -> routes.get("/events", events::handle))
			.bindNow(Duration.ofSeconds(10));
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
	 * Generates what is due now, then nothing more: the ledger of generated ids is final.
	 */
	public void stopGenerating() {
		this.feed.stopGenerating();
	}

	public void eventsPerSecond(double eventsPerSecond) {
		this.feed.eventsPerSecond(eventsPerSecond);
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

	/** Every event id generated so far, oldest first. */
	public List<Long> generatedIds() {
		return this.feed.generatedIds();
	}

	public int generatedCount() {
		return this.feed.generatedCount();
	}

	/** Every event id that a complete, fault-free 200 carried to a client. */
	public Set<Long> servedIds() {
		return new HashSet<>(this.servedIds);
	}

	/** The ids the feed shows now, newest first (at most the window). */
	public List<Long> visibleIds() {
		return this.feed.newest(0, this.settings.windowSize()).stream().map(GeneratedEvent::id).toList();
	}

	/** Every request answered so far, in the order they were answered. */
	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
	}

}
