package io.github.eventsgateway.poller.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The poller's Prometheus metrics.
 * <ul>
 * <li>{@code poller_events_ingested_total{type}}: events stored, by type;</li>
 * <li>{@code poller_requests_total{page,status}}: requests to GitHub by page and
 * status;</li>
 * <li>{@code poller_capture_events_total{stream}},
 * {@code poller_capture_missed_events_total{stream}} (estimated) and
 * {@code poller_capture_saturations_total{stream}}: completeness per stream of the
 * feed;</li>
 * <li>{@code poller_stream_events_per_second{stream}} and
 * {@code poller_stream_read_interval_seconds{stream}}: each stream's measured rate and
 * how often it is read;</li>
 * <li>{@code poller_rate_limit_remaining{credential}}: each credential's budget;</li>
 * <li>{@code poller_events_dropped_total}, {@code poller_refused_links_total}: input
 * refused as not GitHub's;</li>
 * <li>{@code poller_delivery_delay_seconds{quantile}}: how late events reach the
 * feed;</li>
 * <li>{@code poller_lag_seconds}, {@code poller_leader}.</li>
 * </ul>
 */
public class PollerMetrics {

	private final MeterRegistry registry;

	private final Clock clock;

	private final Counter dropped;

	private final Counter refusedLinks;

	private final Map<String, Double> gauges = new ConcurrentHashMap<>();

	private volatile Instant newestEventAt;

	public PollerMetrics(MeterRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
		this.dropped = Counter.builder("poller.events.dropped")
			.description("Events refused as not GitHub's: a field beyond GitHub's own bounds, or no id or time")
			.register(registry);
		this.refusedLinks = Counter.builder("poller.refused.links")
			.description("Link headers naming another origin than GITHUB_API_URL (never followed)")
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

	public void request(int page, String status) {
		Counter.builder("poller.requests")
			.description("Requests to GitHub by page and HTTP status")
			.tag("page", Integer.toString(page))
			.tag("status", status)
			.register(this.registry)
			.increment();
	}

	/**
	 * Records what a read of a stream captured.
	 * @param stream the stream's id
	 * @param captured events stored
	 * @param missed events estimated missed
	 * @param saturated whether the read found nothing already stored
	 */
	public void captured(String stream, long captured, long missed, boolean saturated) {
		counter("poller.capture.events", "Events captured, by stream of the feed", stream).increment(captured);
		counter("poller.capture.missed.events", "Events estimated to have passed unseen, by stream", stream)
			.increment(missed);
		if (saturated) {
			counter("poller.capture.saturations", "Reads that found no event already stored, by stream", stream)
				.increment();
		}
	}

	/**
	 * Publishes a stream's measured rate and read interval.
	 * @param stream the stream's id
	 * @param eventsPerSecond its rate, or {@code null} before measured
	 * @param readInterval how often it is read
	 */
	public void stream(String stream, Double eventsPerSecond, Duration readInterval) {
		gauge("poller.stream.events.per.second", "New events a second each stream shows", "stream", stream,
				(eventsPerSecond != null) ? eventsPerSecond : Double.NaN);
		gauge("poller.stream.read.interval.seconds", "How often each stream is read", "stream", stream,
				readInterval.toMillis() / 1000.0);
	}

	public void rateLimitRemaining(String credential, Long remaining) {
		gauge("poller.rate.limit.remaining", "Requests left in each credential's budget", "credential", credential,
				(remaining != null) ? remaining : Double.NaN);
	}

	public void deliveryDelay(Duration p50, Duration p99) {
		gauge("poller.delivery.delay.seconds", "Time from created_at to the first read of an event", "quantile", "0.5",
				(p50 != null) ? p50.toMillis() / 1000.0 : Double.NaN);
		gauge("poller.delivery.delay.seconds", "Time from created_at to the first read of an event", "quantile", "0.99",
				(p99 != null) ? p99.toMillis() / 1000.0 : Double.NaN);
	}

	public void dropped(int events) {
		this.dropped.increment(events);
	}

	public void refusedLink() {
		this.refusedLinks.increment();
	}

	private Counter counter(String name, String description, String stream) {
		return Counter.builder(name).description(description).tag("stream", stream).register(this.registry);
	}

	private void gauge(String name, String description, String tag, String value, double reading) {
		String key = name + "|" + tag + "=" + value;
		if (this.gauges.put(key, reading) == null) {
			Gauge.builder(name, this.gauges, (all) -> all.getOrDefault(key, Double.NaN))
				.description(description)
				.tag(tag, value)
				.register(this.registry);
		}
	}

	private double lagSeconds() {
		Instant newest = this.newestEventAt;
		return (newest != null) ? Duration.between(newest, this.clock.instant()).toMillis() / 1000.0 : Double.NaN;
	}

}
