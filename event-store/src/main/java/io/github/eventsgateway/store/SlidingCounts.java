package io.github.eventsgateway.store;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Event counts by type over a window, and how they move while the window slides on by up
 * to some seconds: the counts of every window of the same length that ends in
 * {@code [to, to + ahead]}, as the store was when they were read.
 *
 * @param to the end of the window counted
 * @param ahead how many seconds past {@code to} these counts can tell
 * @param counts the count of each type in the window, sorted by type name
 * @param entering per type, the events created in each second after {@code to}: entry
 * {@code s - 1} counts second {@code to + s}
 * @param leaving per type, the events created in each second after the window's start:
 * entry {@code s - 1} counts second {@code from + s}
 */
public record SlidingCounts(Instant to, int ahead, Map<String, Long> counts, Map<String, long[]> entering,
		Map<String, long[]> leaving) {

	/**
	 * The counts of the window of the same length that ends at a later second.
	 * @param end the window's end, whole seconds from {@link #to} to {@code to + ahead}
	 * @return the count of each type, sorted by type name
	 */
	public Map<String, Long> at(Instant end) {
		long slid = Duration.between(this.to, end).toSeconds();
		if (slid < 0 || slid > this.ahead || !end.equals(this.to.plusSeconds(slid))) {
			throw new IllegalArgumentException("These counts tell windows ending from " + this.to + " to "
					+ this.to.plusSeconds(this.ahead) + " in whole seconds, not " + end);
		}
		if (slid == 0) {
			return this.counts;
		}
		Map<String, Long> moved = new LinkedHashMap<>();
		this.counts.forEach((type, count) -> {
			long[] in = this.entering.get(type);
			long[] out = this.leaving.get(type);
			long total = count;
			for (int s = 0; s < slid; s++) {
				total += in[s] - out[s];
			}
			moved.put(type, total);
		});
		return moved;
	}

}
