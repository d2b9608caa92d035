package io.github.eventsgateway.poller.capture;

import java.time.Duration;
import java.time.Instant;

/**
 * When to read one stream of the feed, learnt from what each read brought.
 * <p>
 * A read of a stream (a <em>sweep</em>) takes its top page, then the pages below while
 * they show fewer than {@link #margin()} events already stored, so it always ends on
 * known ground when the stream is read often enough. The stream's rate (new events a
 * second) is measured from every sweep that ended on known ground: the new events over
 * the time since the last sweep, exactly. The next sweep is planned for when the stream
 * will have shown {@code fill × (pages × 100 − margin)} new events: as few requests per
 * event as the stream's depth allows, with a margin for events that surface late, below
 * the top, and a fill factor below 1 for the stream's bursts.
 * <p>
 * A sweep that finds nothing stored is a <em>saturation</em>: events went past unseen.
 * Their number is estimated as the rate times the time since the last sweep, less what
 * was read, and the next sweep comes sooner (the fill factor drops). A stream that
 * saturates every time (its pages turn over faster than the budget allows reading them)
 * still needs its rate for that estimate: now and then it is read twice in quick
 * succession, a <em>calibration</em>, which ends on known ground.
 * <p>
 * Not thread safe: the capture loop is its only user.
 */
final class StreamSchedule {

	static final int PAGE_SIZE = 100;

	private static final double ALPHA = 0.3;

	private static final double MIN_FILL = 0.7;

	private static final double MAX_FILL = 0.95;

	private static final int MIN_MARGIN = 5;

	private static final int MAX_MARGIN = 60;

	/** How often a stream that saturates every time has its rate measured again. */
	private static final Duration CALIBRATION_EVERY = Duration.ofSeconds(30);

	/** Every so many sweeps that end early, one reads a page further, for late events. */
	private static final int DEEP_CHECK_EVERY = 10;

	private final PageRange pages;

	private final Duration minInterval;

	private final Duration maxInterval;

	private Double rate;

	/**
	 * What the last saturated sweep proves of the rate: at least its events over its
	 * time.
	 */
	private double rateFloor;

	private Instant lastReadAt;

	private Instant lastRateSampleAt;

	private double fill = 0.9;

	private int margin = 10;

	private int saturationsInARow;

	/** The sweep under way is the first of a calibration's two. */
	private boolean calibrationStarted;

	/** The next sweep is the second of a calibration's two: it comes quickly. */
	private boolean calibrationSecondDue;

	private int sweepsSinceDeepCheck;

	/** The fraction of an event estimated missed, not yet counted. */
	private double missedCarry;

	StreamSchedule(PageRange pages, Duration minInterval, Duration maxInterval) {
		this.pages = pages;
		this.minInterval = minInterval;
		this.maxInterval = maxInterval;
	}

	PageRange pages() {
		return this.pages;
	}

	/** The events that the stream's pages hold beyond the margin. */
	int capacity() {
		return this.pages.depth() * PAGE_SIZE - this.margin;
	}

	/** Already-stored events a page must show for a sweep to stop there. */
	int margin() {
		return this.margin;
	}

	/**
	 * The stream's rate as best known: measured by the sweeps that ended on known ground
	 * (calibrations included), or, before any did, at least what the last saturated sweep
	 * proves.
	 * @return new events a second, or {@code null} before anything is known
	 */
	Double rate() {
		if (this.rate == null) {
			return (this.rateFloor > 0) ? this.rateFloor : null;
		}
		return this.rate;
	}

	/** The time between sweeps the schedule aims at now. */
	Duration interval() {
		// A stream that outran its measured rate is read at the pace it was seen to move.
		Double rate = (this.saturationsInARow > 0 && this.rate != null && this.rateFloor > this.rate)
				? Double.valueOf(this.rateFloor) : rate();
		if (rate == null) {
			return this.minInterval;
		}
		if (this.saturationsInARow > 0 && this.rate == null) {
			// Saturated and never measured: read as often as allowed until a read
			// overlaps.
			return this.minInterval;
		}
		if (rate < 1e-3) {
			return this.maxInterval;
		}
		if (this.saturationsInARow >= 2) {
			// The budget cannot keep up with this stream: a read before its pages have
			// turned over completely would only buy fewer new events.
			return clamp(Duration.ofNanos((long) (this.pages.depth() * PAGE_SIZE / rate * 1e9)));
		}
		return clamp(Duration.ofNanos((long) (this.fill * capacity() / rate * 1e9)));
	}

	/** When the next sweep is due. */
	Instant dueAt() {
		if (this.lastReadAt == null) {
			return Instant.EPOCH;
		}
		return this.lastReadAt.plus(this.calibrationSecondDue ? calibrationGap() : interval());
	}

	/**
	 * Whether the next sweep should start a calibration: two reads in quick succession.
	 * @param now the current time
	 * @return whether it should
	 */
	boolean wantsCalibration(Instant now) {
		if (this.calibrationStarted || this.calibrationSecondDue || this.saturationsInARow < 2) {
			return false;
		}
		// Sooner when the stream outruns the rate measured: it sped up.
		boolean outrun = this.rate != null && this.rateFloor > 1.2 * this.rate && this.saturationsInARow >= 5;
		return this.lastRateSampleAt == null || outrun || !now.isBefore(this.lastRateSampleAt.plus(CALIBRATION_EVERY));
	}

	/** Starts a calibration: the sweep about to run is followed by a quick second one. */
	void calibrate() {
		this.calibrationStarted = true;
	}

	/**
	 * How many requests the next sweep will probably take.
	 * @param now the current time
	 * @return 1 to the stream's depth
	 */
	int expectedRequests(Instant now) {
		Double rate = rate();
		if (rate == null || this.lastReadAt == null) {
			return this.pages.depth();
		}
		double arrived = rate * Math.max(0, Duration.between(this.lastReadAt, now).toMillis() / 1000.0);
		int pages = (int) Math.ceil((arrived + this.margin) / PAGE_SIZE);
		return Math.max(1, Math.min(this.pages.depth(), pages));
	}

	/**
	 * Whether a sweep that may stop at a page should read one page further anyway, to
	 * find late events that surfaced below the top.
	 * @return whether it should
	 */
	boolean wantsDeepCheck() {
		return this.pages.depth() > 1 && this.sweepsSinceDeepCheck >= DEEP_CHECK_EVERY;
	}

	/**
	 * Where a sweep goes after reading a page.
	 * @param page the page just read
	 * @param overlap the events it showed that were stored already
	 * @param deepCheck whether this sweep checks deeper than needed, once
	 * @param deepChecked whether it already did
	 * @return the next page to read, or -1 when the sweep ends
	 */
	int nextPage(int page, int overlap, boolean deepCheck, boolean deepChecked) {
		if (page >= this.pages.bottom()) {
			return -1;
		}
		boolean onKnownGround = overlap >= this.margin;
		return (!onKnownGround || (deepCheck && !deepChecked)) ? page + 1 : -1;
	}

	/**
	 * Learns from a sweep.
	 * @param sweep what it read
	 * @return what it tells about completeness: the events it probably missed
	 */
	Completeness swept(SweepSummary sweep) {
		Instant previous = this.lastReadAt;
		this.lastReadAt = sweep.topReadAt();
		boolean calibration = this.calibrationStarted || this.calibrationSecondDue;
		this.calibrationSecondDue = this.calibrationStarted;
		this.calibrationStarted = false;
		if (sweep.deepCheckNew() >= 0) {
			this.sweepsSinceDeepCheck = 0;
			this.margin = (sweep.deepCheckNew() > 0) ? Math.min(MAX_MARGIN, this.margin + 2 * sweep.deepCheckNew())
					: Math.max(MIN_MARGIN, this.margin - 1);
		}
		else if (!sweep.reachedBottom()) {
			this.sweepsSinceDeepCheck++;
		}
		if (previous == null || !sweep.topReadAt().isAfter(previous)) {
			return new Completeness(0, false);
		}
		double seconds = Duration.between(previous, sweep.topReadAt()).toNanos() / 1e9;
		if (sweep.overlap() > 0) {
			double sample = sweep.newEvents() / seconds;
			this.rate = (this.rate == null) ? sample : this.rate + ALPHA * (sample - this.rate);
			this.lastRateSampleAt = sweep.topReadAt();
			if (calibration) {
				// A calibration overlaps by design: the stream still outruns the budget.
				return new Completeness(0, false);
			}
			this.saturationsInARow = 0;
			this.rateFloor = 0;
			if (sweep.reachedBottom() && sweep.overlap() < this.margin) {
				// A near miss: the stream's last page barely reached known ground.
				this.fill = Math.max(MIN_FILL, this.fill - 0.05);
			}
			else {
				this.fill = Math.min(MAX_FILL, this.fill + 0.01);
			}
			return new Completeness(0, false);
		}
		this.saturationsInARow++;
		this.rateFloor = sweep.newEvents() / seconds;
		this.fill = Math.max(MIN_FILL, this.fill - 0.1);
		Double rate = rate();
		this.missedCarry += (rate != null) ? Math.max(0, rate * seconds - sweep.newEvents()) : 0;
		long missed = (long) this.missedCarry;
		this.missedCarry -= missed;
		return new Completeness(missed, true);
	}

	private Duration calibrationGap() {
		Double rate = rate();
		if (rate == null || rate <= 0) {
			return this.minInterval;
		}
		Duration gap = Duration.ofNanos((long) (0.8 * capacity() / rate * 1e9));
		return (gap.compareTo(Duration.ofMillis(50)) < 0) ? Duration.ofMillis(50) : gap;
	}

	private Duration clamp(Duration interval) {
		if (interval.compareTo(this.minInterval) < 0) {
			return this.minInterval;
		}
		return (interval.compareTo(this.maxInterval) > 0) ? this.maxInterval : interval;
	}

	/**
	 * What one sweep read.
	 *
	 * @param topReadAt when its top page was read
	 * @param newEvents events it stored
	 * @param overlap events it found already stored
	 * @param reachedBottom whether it read the stream's last page
	 * @param deepCheckNew new events found by reading past where the sweep could have
	 * stopped, or -1 when it did not
	 */
	record SweepSummary(Instant topReadAt, int newEvents, int overlap, boolean reachedBottom, int deepCheckNew) {

	}

	/**
	 * What a sweep tells about the stream's completeness.
	 *
	 * @param missed events that probably went past unseen since the last sweep
	 * @param saturated whether the sweep found nothing stored
	 */
	record Completeness(long missed, boolean saturated) {

	}

}
