package io.github.eventsgateway.firehose;

/**
 * Which {@code /events} feed the stand-in serves.
 */
public enum FeedMode {

	/**
	 * One stream of every type, the newest 300 events over pages of at most 100: the feed
	 * of GitHub Enterprise Server and of older recordings.
	 */
	CLASSIC,

	/**
	 * The feed of github.com since mid-2025: page 1 carries the push stream (Push,
	 * Create, Delete), pages 2 and 3 every other type, each stream at its own rate,
	 * delayed with jitter, with late events and two interleaved id families.
	 */
	SPLIT

}
