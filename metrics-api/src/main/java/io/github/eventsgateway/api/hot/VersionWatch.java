package io.github.eventsgateway.api.hot;

import java.time.Duration;

import io.github.eventsgateway.store.StoreVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;

/**
 * This replica's knowledge of the store's version: read from Redis every confirm interval
 * (one {@code GET}), and raised by the versions that reads bring back. Kept answers are
 * good only while their version is the one known here and the knowledge is fresh.
 * <p>
 * Any doubt empties every cache at once, by starting a new generation: a failed or late
 * confirmation, a connection to Redis lost (a reconnect follows), or a version that went
 * back or changed without moving on (a failover that lost writes, or a replica behind the
 * one read before). Until the next confirmation, every request reads Redis.
 */
final class VersionWatch implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(VersionWatch.class);

	private final StoreVersion storeVersion;

	private final Duration interval;

	private final long lifetimeNanos;

	private final Ticker ticker;

	private final boolean enabled;

	private volatile Known known;

	private long generation;

	private volatile Disposable polling;

	VersionWatch(StoreVersion storeVersion, Duration interval, Duration lifetime, Ticker ticker, boolean enabled) {
		this.storeVersion = storeVersion;
		this.enabled = enabled;
		this.interval = interval;
		this.lifetimeNanos = lifetime.toNanos();
		this.ticker = ticker;
	}

	/**
	 * What this replica knows now.
	 * @return the known version, or {@code null} when in doubt
	 */
	Known current() {
		Known current = this.known;
		if (current == null || this.ticker.nanoTime() - current.confirmedAt() > this.lifetimeNanos) {
			return null;
		}
		return current;
	}

	/**
	 * Learns from a version that a read brought back: a later one of the same history
	 * raises the known version (a replica may be ahead of the last confirmation);
	 * anything else waits for the next confirmation.
	 * @param version the version a read was answered at
	 */
	synchronized void observe(String version) {
		Known current = this.known;
		if (current != null && StoreVersion.counter(version) > StoreVersion.counter(current.version())) {
			this.known = new Known(version, current.generation(), current.confirmedAt());
		}
	}

	/** Confirms the version now: the next read of the store's version. */
	Mono<Void> confirm() {
		return this.storeVersion.read().doOnNext(this::confirmed).doOnError(this::failed).then();
	}

	/** Drops every kept answer: Redis could not be read, or a connection was lost. */
	synchronized void doubt(String reason) {
		if (this.known != null) {
			logger.info("Dropping the kept answers: {}", reason);
		}
		this.known = null;
		this.generation++;
	}

	synchronized void confirmed(String version) {
		Known current = this.known;
		long now = this.ticker.nanoTime();
		if (current == null) {
			this.generation++;
			this.known = new Known(version, this.generation, now);
			return;
		}
		long counter = StoreVersion.counter(version);
		long knownCounter = StoreVersion.counter(current.version());
		if (counter < knownCounter || (counter == knownCounter && !version.equals(current.version()))) {
			logger.info("Dropping the kept answers: the store's version went from {} to {}", current.version(),
					version);
			this.generation++;
			this.known = new Known(version, this.generation, now);
			return;
		}
		this.known = new Known((counter > knownCounter) ? version : current.version(), current.generation(), now);
	}

	private void failed(Throwable failure) {
		doubt("the store's version cannot be read (" + failure.getClass().getSimpleName() + ")");
	}

	/** Without hot answers the version is never confirmed, so nothing is ever kept. */
	@Override
	public boolean isAutoStartup() {
		return this.enabled;
	}

	@Override
	public void start() {
		this.polling = Flux.interval(Duration.ZERO, this.interval)
			.onBackpressureDrop()
			.concatMap((tick) -> confirm().onErrorResume((ex) -> Mono.empty()), 1)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.polling;
		if (current != null) {
			current.dispose();
		}
		this.polling = null;
		doubt("stopping");
	}

	@Override
	public boolean isRunning() {
		return this.polling != null;
	}

	/**
	 * The version known, in which generation of kept answers, confirmed when.
	 *
	 * @param version the store's version
	 * @param generation answers kept in another generation are dropped
	 * @param confirmedAt when Redis last confirmed it, in {@link Ticker} nanoseconds
	 */
	record Known(String version, long generation, long confirmedAt) {

	}

	/** A monotonic clock, which tests move by hand. */
	interface Ticker {

		Ticker SYSTEM = System::nanoTime;

		long nanoTime();

	}

}
