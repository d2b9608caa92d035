package io.github.eventsgateway.api.dashboard;

import java.time.Instant;
import java.util.List;

import io.github.eventsgateway.api.status.PollerStatusView;
import io.github.eventsgateway.api.timeline.TimelineView;
import io.github.eventsgateway.store.MadePublicRepo;

/**
 * What the stream sends every second: everything the dashboard draws live.
 *
 * @param at when it was read
 * @param timeline events per minute by type over the last hour
 * @param poller the poller's status, as {@code GET /api/v1/poller/status} answers it
 * @param madePublic the repositories made public last, newest first
 */
record DashboardSummary(Instant at, TimelineView timeline, PollerStatusView poller, List<MadePublicRepo> madePublic) {

}
