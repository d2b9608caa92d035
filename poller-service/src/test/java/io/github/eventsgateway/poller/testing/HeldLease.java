package io.github.eventsgateway.poller.testing;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.eventsgateway.poller.capture.Leadership;

/**
 * An instance that believes it holds the lease with a token, until told it lost it.
 */
public final class HeldLease implements Leadership {

	private final String token;

	private final AtomicInteger lost = new AtomicInteger();

	private HeldLease(String token) {
		this.token = token;
	}

	public static HeldLease holding(String token) {
		return new HeldLease(token);
	}

	@Override
	public String fencingToken(Instant now) {
		return (this.lost.get() == 0) ? this.token : null;
	}

	@Override
	public void lost() {
		this.lost.incrementAndGet();
	}

	/** Whether it was told that it lost the lease. */
	public boolean wasLost() {
		return this.lost.get() > 0;
	}

}
