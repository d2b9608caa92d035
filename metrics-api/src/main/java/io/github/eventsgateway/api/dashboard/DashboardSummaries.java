package io.github.eventsgateway.api.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.eventsgateway.api.timeline.TimelineService;
import io.github.eventsgateway.api.timeline.TimelineWindow;
import io.github.eventsgateway.api.madepublic.MadePublicAnswers;
import io.github.eventsgateway.api.status.PollerStatusAnswers;
import io.github.eventsgateway.api.status.PollerStatusView;
import io.github.eventsgateway.api.status.Staleness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.codec.ServerSentEvent;

/**
 * The one upstream of the dashboard stream in this replica: every interval it reads a
 * {@link DashboardSummary} (from the answers this replica keeps, so Redis only when the
 * store moved on) and hands the same event to every connected client. It runs only while
 * at least one client listens, and a client that connects gets the latest event at once.
 * While Redis cannot be read it sends {@code unavailable} events instead of failing, and
 * summaries resume when Redis is back.
 * <p>
 * When the application stops, every stream ends at once: the graceful shutdown would
 * otherwise wait for streams that never end, and the browsers reconnect by themselves,
 * through the load balancer, to another replica.
 */
final class DashboardSummaries implements SmartLifecycle {

	static final String SUMMARY = "summary";

	static final String UNAVAILABLE = "unavailable";

	private static final Logger logger = LoggerFactory.getLogger(DashboardSummaries.class);

	private static final Duration CLIENT_RETRY = Duration.ofSeconds(2);

	private final TimelineService timelines;

	private final MadePublicAnswers madePublic;

	private final PollerStatusAnswers statuses;

	private final Clock clock;

	private final DashboardProperties properties;

	private final Staleness staleness;

	private final AtomicBoolean available = new AtomicBoolean(true);

	/** Ends the current run's streams. */
	private final AtomicReference<Sinks.Empty<Void>> stopped = new AtomicReference<>();

	private volatile boolean running;

	/** Whether a stop ended the streams, which then cannot stream again. */
	private volatile boolean ended;

	private final AtomicInteger clients = new AtomicInteger();

	private final AtomicReference<Flux<ServerSentEvent<Object>>> events;

	DashboardSummaries(TimelineService timelines, MadePublicAnswers madePublic, PollerStatusAnswers statuses,
			Clock clock, DashboardProperties properties, Duration staleAfterMinimum) {
		this.timelines = timelines;
		this.madePublic = madePublic;
		this.statuses = statuses;
		this.clock = clock;
		this.properties = properties;
		this.staleness = new Staleness(staleAfterMinimum);
		this.events = new AtomicReference<>(sharedEvents());
	}

	/**
	 * One run's events: a read of Redis each interval, shared by every client and ended
	 * by {@link #stop()}. Once ended it cannot stream again, so each start builds anew.
	 */
	private Flux<ServerSentEvent<Object>> sharedEvents() {
		Duration interval = this.properties.streamInterval();
		Sinks.Empty<Void> stopped = Sinks.empty();
		this.stopped.set(stopped);
		return Flux.interval(Duration.ZERO, interval)
			// A tick that comes while the last read is still out is skipped, not queued.
			.onBackpressureDrop()
			.concatMap((tick) -> read(tick, interval), 1)
			.takeUntilOther(stopped.asMono())
			.replay(1)
			.refCount()
			.doOnSubscribe((subscription) -> this.clients.incrementAndGet())
			.doFinally((signal) -> this.clients.decrementAndGet());
	}

	/** The events, shared by every subscriber; cancelling one leaves the others be. */
	Flux<ServerSentEvent<Object>> events() {
		return this.events.get();
	}

	/** How many clients listen now. */
	int clients() {
		return this.clients.get();
	}

	@Override
	public void start() {
		if (this.ended) {
			this.events.set(sharedEvents());
			this.ended = false;
		}
		this.running = true;
	}

	/** Ends every stream; runs before the web server's graceful shutdown begins. */
	@Override
	public void stop() {
		this.running = false;
		this.ended = true;
		this.stopped.get().tryEmitEmpty();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private Mono<ServerSentEvent<Object>> read(long tick, Duration timeout) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		return summary(now).timeout(timeout).map((summary) -> {
			if (this.available.compareAndSet(false, true)) {
				logger.info("Dashboard stream reads Redis again");
			}
			return event(tick, SUMMARY, summary);
		}).onErrorResume((ex) -> {
			if (this.available.compareAndSet(true, false)) {
				logger.warn("Dashboard stream cannot read Redis ({}); sending '{}' events until it can",
						ex.getClass().getSimpleName(), UNAVAILABLE);
			}
			return Mono.just(event(tick, UNAVAILABLE, new StreamUnavailable(now,
					"The event store (Redis) is unreachable or too slow; the dashboard resumes by itself.")));
		});
	}

	private Mono<DashboardSummary> summary(Instant now) {
		TimelineWindow window = TimelineWindow.lastMinutes(this.properties.timelineMinutes(), 1, now);
		return Mono
			.zip(this.timelines.timeline(window), this.statuses.current(),
					this.madePublic.latest(this.properties.madePublicLimit()))
			.map((reads) -> new DashboardSummary(now, reads.getT1(),
					PollerStatusView.of(reads.getT2(), now, this.staleness.isStale(reads.getT2(), now)),
					reads.getT3()));
	}

	private static ServerSentEvent<Object> event(long tick, String name, Object data) {
		return ServerSentEvent.builder(data).id(Long.toString(tick)).event(name).retry(CLIENT_RETRY).build();
	}

}
