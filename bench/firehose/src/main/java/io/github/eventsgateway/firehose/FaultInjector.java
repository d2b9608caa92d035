package io.github.eventsgateway.firehose;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Decides, request by request, whether to misbehave and how. Seeded, so that a run can be
 * repeated; the rate can change while the stand-in runs.
 */
final class FaultInjector {

	private final SplittableRandom random;

	private volatile double rate;

	private volatile List<Fault> kinds;

	FaultInjector(double rate, Set<Fault> kinds, long seed) {
		this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
		this.rate = rate;
		this.kinds = List.copyOf(kinds);
	}

	void rate(double rate) {
		this.rate = rate;
	}

	double rate() {
		return this.rate;
	}

	void kinds(Set<Fault> kinds) {
		this.kinds = List.copyOf(kinds);
	}

	/**
	 * Rolls the dice for one request.
	 * @return the fault to inject, or {@code null} to behave
	 */
	synchronized Fault next() {
		List<Fault> current = this.kinds;
		if (current.isEmpty() || this.random.nextDouble() >= this.rate) {
			return null;
		}
		return current.get(this.random.nextInt(current.size()));
	}

	/** Picks which server error a {@link Fault#SERVER_ERROR} sends. */
	synchronized int serverErrorStatus() {
		int[] statuses = { 500, 502, 503 };
		return statuses[this.random.nextInt(statuses.length)];
	}

	/**
	 * Picks where a {@link Fault#TRUNCATED_JSON} body stops, as a share of its length.
	 */
	synchronized double truncationPoint() {
		return 0.2 + 0.6 * this.random.nextDouble();
	}

}
