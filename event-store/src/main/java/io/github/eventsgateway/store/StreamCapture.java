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
	 * The estimated share of the stream's events that were captured.
	 * @return 0 to 1, or {@code null} when the stream had no events in the window
	 */
	public Double share() {
		long total = this.captured + this.missed;
		return (total > 0) ? (double) this.captured / total : null;
	}

}
