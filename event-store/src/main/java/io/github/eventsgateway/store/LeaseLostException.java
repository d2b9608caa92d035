package io.github.eventsgateway.store;

/**
 * A write of the poller was refused because its fencing token is no longer the lease's:
 * another instance took over while this one was paused or cut off. Nothing was written;
 * the instance must stop polling.
 */
public class LeaseLostException extends RuntimeException {

	public LeaseLostException() {
		super("The poller lease is held by another instance: write refused");
	}

}
