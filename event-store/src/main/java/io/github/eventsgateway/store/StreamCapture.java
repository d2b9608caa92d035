package io.github.eventsgateway.store;

/**
 * What the poller captured of one stream of the feed over a window.
 *
 * @param stream the stream's id, such as {@code p2-3}
 * @param captured events stored from its reads
 * @param missed events estimated to have passed unseen
 * @param saturations reads that found no event already stored
 * @param requests requests spent on it
 */
public record StreamCapture(String stream, long captured, long missed, long saturations, long requests) {

	/**
	 * Whether the poller could estimate what the stream missed. When most of its reads
	 * found only new events yet it estimated nothing missed, it never measured the
	 * stream's rate (a budget or a pace too small to read it twice within a turnover, as
	 * {@code POLLER_PACING=poll-interval} on today's feed): events went past, how many is
	 * unknown, and a share of 1 would be a lie.
	 * @return whether {@link #missed()} is an estimate
	 */
	public boolean isEstimated() {
		return this.missed > 0 || this.saturations == 0 || this.saturations * 4 < this.requests;
	}

	/**
	 * The estimated share of the stream's events that were captured.
	 * @return 0 to 1, or {@code null} when the stream had no events in the window or what
	 * it missed cannot be {@link #isEstimated() estimated}
	 */
	public Double share() {
		long total = this.captured + this.missed;
		return (total > 0 && isEstimated()) ? (double) this.captured / total : null;
	}

}
