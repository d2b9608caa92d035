package io.github.eventsgateway.poller.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The poller's Prometheus metrics: {@code poller_events_ingested_total{type}},
 * {@code poller_polls_total{outcome}}, {@code poller_requests_total{status}},
 * {@code poller_rate_limit_remaining}, {@code poller_lag_seconds},
 * {@code poller_suspected_gaps_total} and {@code poller_leader}.
 */
public class PollerMetrics {

	private final MeterRegistry registry;

	private final Clock clock;

	private final Counter suspectedGaps;

	private volatile double rateLimitRemaining = Double.NaN;

	private volatile Instant newestEventAt;

	public PollerMetrics(MeterRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
		this.suspectedGaps = Counter.builder("poller.suspected.gaps")
			.description("Polls whose pages did not reach back to events already stored")
			.register(registry);
		Gauge.builder("poller.rate.limit.remaining", this, (metrics) -> metrics.rateLimitRemaining)
			.description("Requests left in the budget of the token used last")
			.register(registry);
		Gauge.builder("poller.lag.seconds", this, PollerMetrics::lagSeconds)
			.description("Now minus the newest created_at stored")
			.register(registry);
	}

	/**
	 * Publishes whether this instance leads.
	 * @param leading tells whether it holds the lease now
	 */
	public void leadership(BooleanSupplier leading) {
		Gauge.builder("poller.leader", leading, (supplier) -> supplier.getAsBoolean() ? 1 : 0)
			.description("1 while this instance holds the poller lease")
			.strongReference(true)
			.register(this.registry);
	}

	public void ingested(Map<String, Integer> storedByType, Instant newestEventAt) {
		storedByType.forEach((type, count) -> Counter.builder("poller.events.ingested")
			.description("Events stored, by type")
			.tag("type", type)
			.register(this.registry)
			.increment(count));
		if (newestEventAt != null) {
			this.newestEventAt = newestEventAt;
		}
	}

	public void poll(String outcome) {
		Counter.builder("poller.polls")
			.description("Polls by outcome")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	public void request(int status) {
		Counter.builder("poller.requests")
			.description("Requests to GitHub by HTTP status")
			.tag("status", Integer.toString(status))
			.register(this.registry)
			.increment();
	}

	public void suspectedGap() {
		this.suspectedGaps.increment();
	}

	public void rateLimitRemaining(long remaining) {
		this.rateLimitRemaining = remaining;
	}

	private double lagSeconds() {
		Instant newest = this.newestEventAt;
		return (newest != null) ? Duration.between(newest, this.clock.instant()).toMillis() / 1000.0 : Double.NaN;
	}

}
