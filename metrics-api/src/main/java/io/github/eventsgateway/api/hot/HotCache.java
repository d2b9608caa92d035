package io.github.eventsgateway.api.hot;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.eventsgateway.api.hot.VersionWatch.Known;
import io.github.eventsgateway.api.hot.VersionWatch.Ticker;
import io.github.eventsgateway.store.Versioned;
import reactor.core.publisher.Mono;

/**
 * The answers of one endpoint that this replica computed, each kept with the store's
 * version it was read at, and given again without asking Redis while that version is the
 * one the {@link VersionWatch} knows (and, for an answer that carries a limit, until
 * then). An answer is therefore exactly the store's state at a version no older than one
 * confirm interval, on every replica alike.
 * <p>
 * Requests that miss together share one read. In doubt, every request reads Redis.
 *
 * @param <K> the query, canonical (two requests that must get the same answer give equal
 * keys)
 * @param <V> the answer
 */
public final class HotCache<K, V> {

	/** A read that never ends (a lost reply) must not hold later requests forever. */
	private static final long PENDING_NANOS = 2_000_000_000L;

	private final VersionWatch watch;

	private final int maxEntries;

	private final Ticker ticker;

	private final Map<K, Slot<V>> slots = new ConcurrentHashMap<>();

	HotCache(VersionWatch watch, int maxEntries, Ticker ticker) {
		this.watch = watch;
		this.maxEntries = maxEntries;
		this.ticker = ticker;
	}

	/**
	 * The answer to a query: the one kept when it is still good, else a fresh one.
	 * @param query the query
	 * @param read reads the answer from the store
	 * @return the answer with its version
	 */
	public Mono<Versioned<V>> get(K query, StoreRead<V> read) {
		Known known = this.watch.current();
		if (known == null) {
			return read.read();
		}
		long now = this.ticker.nanoTime();
		Slot<V> slot = this.slots.get(query);
		if (slot != null) {
			Mono<Versioned<V>> kept = slot.answerFor(known, now);
			if (kept != null) {
				return kept;
			}
		}
		if (this.slots.size() >= this.maxEntries) {
			this.slots.clear();
		}
		Slot<V> fresh = new Slot<>(known, now);
		fresh.pending = read.read().doOnNext((answer) -> {
			this.watch.observe(answer.version());
			fresh.resolve(answer);
		}).doOnError((ex) -> this.slots.remove(query, fresh)).cache();
		this.slots.put(query, fresh);
		return fresh.pending;
	}

	/**
	 * How a cache reads an answer it does not keep: from the store, with the version it
	 * was read at.
	 *
	 * @param <V> the answer
	 */
	@FunctionalInterface
	public interface StoreRead<V> {

		Mono<Versioned<V>> read();

	}

	/** How many answers are kept now. */
	int size() {
		return this.slots.size();
	}

	/**
	 * One query's answer, being read or read.
	 */
	private static final class Slot<V> {

		private final Known startedWith;

		private final long startedAt;

		private volatile Mono<Versioned<V>> pending;

		private volatile Mono<Versioned<V>> answer;

		private volatile Versioned<V> value;

		private volatile boolean limited;

		private volatile long validUntil;

		Slot(Known startedWith, long startedAt) {
			this.startedWith = startedWith;
			this.startedAt = startedAt;
		}

		void resolve(Versioned<V> value) {
			if (value.validFor() != null) {
				this.validUntil = this.startedAt + value.validFor().toNanos();
				this.limited = true;
			}
			this.value = value;
			this.answer = Mono.just(value);
		}

		Mono<Versioned<V>> answerFor(Known known, long now) {
			if (this.startedWith.generation() != known.generation()) {
				return null;
			}
			Versioned<V> read = this.value;
			if (read != null) {
				boolean good = read.version().equals(known.version()) && (!this.limited || now - this.validUntil < 0);
				return good ? this.answer : null;
			}
			boolean sameVersion = this.startedWith.version().equals(known.version());
			return (sameVersion && now - this.startedAt < PENDING_NANOS) ? this.pending : null;
		}

	}

}
