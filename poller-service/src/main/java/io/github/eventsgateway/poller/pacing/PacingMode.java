package io.github.eventsgateway.poller.pacing;

import java.util.Locale;

/**
 * How each credential's requests are paced ({@code POLLER_PACING}).
 */
public enum PacingMode {

	/**
	 * Each credential's primary budget spread evenly over what is left of its window:
	 * {@code remaining / time to reset} requests a second, never one after the budget is
	 * spent; 304s are free and given back. GitHub's {@code X-Poll-Interval} is not
	 * obeyed: the feed turns over in seconds, and nobody who captures it waits a minute.
	 */
	BUDGET,

	/**
	 * At most {@code POLLER_PAGES} requests per credential per {@code X-Poll-Interval}
	 * (60 s), as GitHub asks: polite and cheap, but on today's feed it captures a few
	 * percent of the events.
	 */
	POLL_INTERVAL;

	/**
	 * Reads the setting.
	 * @param value {@code budget} or {@code poll-interval}, in any case
	 * @return the mode, or {@code null} when the value is neither
	 */
	public static PacingMode of(String value) {
		String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		for (PacingMode mode : values()) {
			if (mode.name().equals(normalized)) {
				return mode;
			}
		}
		return null;
	}

	/** The setting's value, such as {@code poll-interval}. */
	public String displayName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
