package io.github.eventsgateway.poller.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import reactor.core.scheduler.Scheduler;

/**
 * A clock that reads a scheduler's time, so that code under a virtual-time scheduler sees
 * time pass exactly as the scheduler advances it.
 */
public final class SchedulerClock extends Clock {

	private final Scheduler scheduler;

	public SchedulerClock(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(this.scheduler.now(TimeUnit.MILLISECONDS));
	}

}
