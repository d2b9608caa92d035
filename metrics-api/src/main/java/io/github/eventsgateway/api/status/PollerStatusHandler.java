package io.github.eventsgateway.api.status;

import java.time.Clock;
import java.time.Instant;

import io.github.eventsgateway.api.config.ApiProperties;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * What the poller reports of itself, read from Redis in one round trip per store version.
 * Routed and documented by {@link PollerStatusConfiguration}.
 */
final class PollerStatusHandler {

	private final PollerStatusAnswers statuses;

	private final Staleness staleness;

	private final Clock clock;

	PollerStatusHandler(PollerStatusAnswers statuses, ApiProperties properties, Clock clock) {
		this.statuses = statuses;
		this.staleness = new Staleness(properties.staleAfterMinimum());
		this.clock = clock;
	}

	/**
	 * {@code GET /api/v1/poller/status}.
	 * @param request the request
	 * @return the status as JSON
	 */
	Mono<ServerResponse> status(ServerRequest request) {
		return this.statuses.current().flatMap((status) -> {
			Instant now = this.clock.instant();
			PollerStatusView view = PollerStatusView.of(status, now, this.staleness.isStale(status, now));
			return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(view);
		});
	}

}
