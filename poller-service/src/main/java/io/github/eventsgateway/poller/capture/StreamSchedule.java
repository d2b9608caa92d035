package io.github.eventsgateway.poller.capture;

import java.time.Duration;
import java.time.Instant;

/**
 * When to read one stream of the feed, learnt from what each read brought.
 * <p>
 * A read of a stream (a <em>sweep</em>) takes its top page, then the pages below while
 * they show fewer than {@link #margin()} events already stored, so it always ends on
 * known ground when the stream is read often enough. The stream's rate (new events a
 * second) is measured from the sweeps that ended on known ground: the new events over the
 * time since the last sweep, exactly, summed over the last few ({@link StreamRate}). Only
 * from sweeps that came before the stream could have turned its pages over, though: of
 * sweeps that came later, the ones that still ended on known ground are those that
 * happened to meet fewer events, and their rate is too low. The next sweep is planned for
 * when the stream will have shown {@code fill × (pages × 100 − margin)} new events: as
 * few requests per event as the stream's depth allows, with a margin for events that
 * surface late, below the top, and a fill factor below 1 for the stream's bursts.
 * <p>
 * A sweep that finds nothing stored is a <em>saturation</em>: events went past unseen.
 * Their number is estimated as the rate times the time since the last sweep, less what
 * was read, the rate being the likeliest given every recent sweep
 * ({@link SweepLikelihood}), and the next sweep comes sooner (the fill factor drops). A
 * stream the budget cannot keep on known ground is read no sooner than its pages turn
 * over, so that each request buys a full page. It still needs its rate for the estimate:
 * now and then it is read twice in quick succession, a <em>calibration</em>, as far apart
 * as leaves the second read on known ground; the more of the stream the budget captures,
 * the more often. What saturated before the first rate was known is estimated once it is.
 * <p>
 * Not thread safe: the capture loop is its only user.
 */
final class StreamSchedule {

	static final int PAGE_SIZE = 100;

	private static final double MIN_FILL = 0.7;

	private static final double MAX_FILL = 0.95;

	private static final int MIN_MARGIN = 5;

	private static final int MAX_MARGIN = 60;

	/**
	 * How far above the rate measured the stream could be without cutting a calibration's
	 * second read off.
	 */
	private static final double UNCENSORED_HEADROOM = 1.3;

	/** How often a stream that saturates every time has its rate measured again. */
	private static final Duration CALIBRATION_EVERY = Duration.ofSeconds(30);

	/**
	 * The share of the time the stream takes to fill its pages, at
	 * {@link #UNCENSORED_HEADROOM} times its rate, that a calibration spans: the rest is
	 * room for the round trips' jitter.
	 */
	private static final double CALIBRATION_SPAN = 0.9;

	/**
	 * How much later than the measured turnover a stream that outruns the budget is read:
	 * reading late costs nothing more, reading early buys fewer events, and the measured
	 * rate may be a little high.
	 */
	private static final double TURNOVER_HEADROOM = 1.15;

	/** How often while its estimate of missed events rests on few measurements. */
	private static final Duration CALIBRATION_EVERY_AT_FIRST = Duration.ofSeconds(10);

	/** How many measurements make the estimate of missed events settled. */
	private static final int SETTLED_MEASUREMENTS = 4;

	/** Every so many sweeps that end early, one reads a page further, for late events. */
	private static final int DEEP_CHECK_EVERY = 10;

	private final PageRange pages;

	private final Duration minInterval;

	private final Duration maxInterval;

	/**
	 * The rate that paces the reads: from every sweep that ended on known ground in time.
	 */
	private final StreamRate measured = new StreamRate(8);

	/**
	 * The rate that estimates the events missed: from every sweep, those that saturated
	 * counted for what they show (at least the events they read came), so that the sweeps
	 * that happened to meet fewer events are not favoured and the estimate is not low.
	 */
	private final SweepLikelihood likelihood = new SweepLikelihood(48, 512);

	/**
	 * What the saturated sweeps since the last measurement prove of the rate: at least
	 * the most events over time any of them read.
	 */
	private double rateFloor;

	private Instant lastReadAt;

	/** When the request for the last sweep's top page was sent. */
	private Instant lastSentAt;

	/** How long that request took to be answered. */
	private Duration lastRoundTrip;

	private Instant lastRateSampleAt;

	private double fill = 0.9;

	private int margin = 10;

	private int saturationsInARow;

	/**
	 * Whether the requests the budget leaves this stream are too few to keep it on known
	 * ground: then it is read no sooner than its pages turn over.
	 */
	private boolean outrunsBudget;

	/**
	 * The share of the stream the budget left it could capture, when it outruns the
	 * budget: every read a full turnover.
	 */
	private double shareWithinBudget = 1;

	/** The sweep under way is the first of a calibration's two. */
	private boolean calibrationStarted;

	/** The next sweep is the second of a calibration's two: it comes quickly. */
	private boolean calibrationSecondDue;

	private int sweepsSinceDeepCheck;

	/** Whether the last sweep found nothing stored. */
	private boolean lastSaturated;

	/** The events estimated missed, not yet counted: a fraction, or an excess counted. */
	private double missedCarry;

	/** Seconds of saturated sweeps before any rate was measured. */
	private double unmeasuredSeconds;

	/** Events those sweeps read. */
	private long unmeasuredEvents;

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
	 * (calibrations included), or, before any did, at least what the saturated sweeps
	 * prove.
	 * @return new events a second, or {@code null} before anything is known
	 */
	Double rate() {
		if (!this.measured.isMeasured()) {
			return (this.rateFloor > 0) ? this.rateFloor : null;
		}
		return this.measured.perSecond();
	}

	/**
	 * The rate to pace the reads by: a stream that outran its measured rate (it sped up,
	 * or the rate was measured while it was slower) is read at the pace it was seen to
	 * move. The floor is only ever set by saturated sweeps since the last measurement.
	 * @return new events a second, or {@code null} before anything is known
	 */
	private Double pacingRate() {
		Double rate = rate();
		return (rate != null && this.rateFloor > rate) ? Double.valueOf(this.rateFloor) : rate;
	}

	/**
	 * Whether the stream's rate was measured, rather than only bounded below by what
	 * saturated sweeps read.
	 * @return whether it was
	 */
	boolean isMeasured() {
		return this.measured.isMeasured();
	}

	/** The time between sweeps the schedule aims at now. */
	Duration interval() {
		Double rate = pacingRate();
		if (rate == null) {
			return this.minInterval;
		}
		if (this.saturationsInARow > 0 && !this.measured.isMeasured()) {
			// Saturated and never measured: read as often as allowed until a read
			// overlaps.
			return this.minInterval;
		}
		if (rate < 1e-3) {
			return this.maxInterval;
		}
		if (this.outrunsBudget) {
			// Events go past unseen whatever the plan: a read before the pages have
			// turned over would only buy fewer new events than the request could.
			return clamp(Duration.ofNanos((long) (TURNOVER_HEADROOM * this.pages.depth() * PAGE_SIZE / rate * 1e9)));
		}
		return keepUpInterval(rate);
	}

	/** The interval that keeps the stream on known ground, with room for its bursts. */
	private Duration keepUpInterval(double rate) {
		return clamp(Duration.ofNanos((long) (this.fill * capacity() / rate * 1e9)));
	}

	/**
	 * Tells the stream how many requests a second the budget leaves it once the streams
	 * before it have what they need.
	 * @param spare requests a second; 0 or less when nothing is left
	 * @return the requests a second this stream's plan takes of them
	 */
	double paceWithin(double spare) {
		Double rate = rate();
		if (rate == null || !this.measured.isMeasured() || rate < 1e-3) {
			// Not known yet: it takes what it needs to be measured.
			this.outrunsBudget = false;
			this.shareWithinBudget = 1;
			return Math.max(0, spare);
		}
		Duration keepUp = keepUpInterval(rate);
		double keepUpRequests = expectedRequests(rate, keepUp) / seconds(keepUp);
		this.outrunsBudget = keepUpRequests > spare;
		this.shareWithinBudget = this.outrunsBudget ? Math.max(0, Math.min(1, spare * PAGE_SIZE / rate)) : 1;
		return this.outrunsBudget ? Math.max(0, spare) : keepUpRequests;
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
		boolean outrun = this.measured.isMeasured() && this.rateFloor > 1.2 * rate() && this.saturationsInARow >= 5;
		Duration every = (this.likelihood.measurements() < SETTLED_MEASUREMENTS) ? CALIBRATION_EVERY_AT_FIRST
				: calibrationEvery();
		return this.lastRateSampleAt == null || outrun || !now.isBefore(this.lastRateSampleAt.plus(every));
	}

	/**
	 * How often to calibrate once settled: the more of the stream the budget captures,
	 * the smaller the number missed and the more an error of the rate weighs in it (with
	 * 0.85 of the stream captured, a rate 2 % off makes the number missed 11 % off), so
	 * the more often.
	 */
	private Duration calibrationEvery() {
		double weight = Math.min(1, 2 * (1 - this.shareWithinBudget));
		Duration every = Duration.ofMillis((long) (CALIBRATION_EVERY.toMillis() * weight));
		return (every.compareTo(CALIBRATION_EVERY_AT_FIRST) < 0) ? CALIBRATION_EVERY_AT_FIRST : every;
	}

	/**
	 * Whether the next sweep is the second of a calibration, due soon after the first.
	 */
	boolean isCalibrationSecondDue() {
		return this.calibrationSecondDue;
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
		return expectedRequests(rate, Duration.between(this.lastReadAt, now));
	}

	private int expectedRequests(double rate, Duration sinceLastRead) {
		double arrived = rate * Math.max(0, sinceLastRead.toMillis() / 1000.0);
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
		Instant previousSent = this.lastSentAt;
		this.lastReadAt = sweep.topReadAt();
		this.lastSentAt = sweep.topSentAt();
		this.lastRoundTrip = Duration.between(sweep.topSentAt(), sweep.topAnsweredAt());
		boolean calibration = this.calibrationStarted || this.calibrationSecondDue;
		boolean calibrationSecond = this.calibrationSecondDue;
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
			// The pace: each page was read at some moment between its request and its
			// answer. Over that whole span at most, the stream must not have been able to
			// fill its pages, or the sweeps that ended on known ground would be the ones
			// that met fewer events.
			double atMost = Duration.between(previousSent, sweep.topAnsweredAt()).toNanos() / 1e9;
			this.likelihood.add(sweep.newEvents(), seconds, false, calibrationSecond);
			if (calibrationSecond || !this.measured.isMeasured() || rate() * atMost <= capacity()) {
				measured(sweep.newEvents(), seconds, sweep.topReadAt());
			}
			if (this.lastSaturated && this.measured.isMeasured()) {
				// The read that ends a run of saturations closes the run's account: the
				// events that came from the read before the run to this one, less those
				// read. Reads that saturated are those whose time happened to be longer
				// than it looked, the one that did not is the other way round: only the
				// account of the whole run is fair.
				this.missedCarry += missedRate() * seconds - sweep.newEvents();
			}
			this.lastSaturated = false;
			if (calibration) {
				// A calibration overlaps by design: the stream still outruns the budget.
				return new Completeness(takeMissed(), false);
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
			return new Completeness(takeMissed(), false);
		}
		this.saturationsInARow++;
		// The most any saturated sweep since the last measurement proves: a calibration's
		// quick second read proves more than the slow reads around it, and the next
		// calibration's gap, planned from it, must be shorter still, or none would ever
		// end on known ground.
		this.rateFloor = Math.max(this.rateFloor, sweep.newEvents() / seconds);
		this.likelihood.add(sweep.newEvents(), seconds, true, calibrationSecond);
		this.fill = Math.max(MIN_FILL, this.fill - 0.1);
		this.lastSaturated = true;
		if (this.measured.isMeasured()) {
			this.missedCarry += missedRate() * seconds - sweep.newEvents();
		}
		else {
			this.unmeasuredSeconds += seconds;
			this.unmeasuredEvents += sweep.newEvents();
		}
		return new Completeness(takeMissed(), true);
	}

	private void measured(int newEvents, double seconds, Instant at) {
		this.measured.add(newEvents, seconds);
		this.lastRateSampleAt = at;
		this.rateFloor = 0;
		if (this.unmeasuredSeconds > 0) {
			this.missedCarry += Math.max(0, missedRate() * this.unmeasuredSeconds - this.unmeasuredEvents);
			this.unmeasuredSeconds = 0;
			this.unmeasuredEvents = 0;
		}
	}

	/** The rate that estimates the events missed: the likeliest once measured. */
	private double missedRate() {
		return this.likelihood.isMeasured() ? this.likelihood.perSecond() : rate();
	}

	/**
	 * The whole events estimated missed and not counted yet. What a run's account takes
	 * back (the carry below zero) is set against the next ones.
	 */
	private long takeMissed() {
		long missed = Math.max(0, (long) this.missedCarry);
		this.missedCarry -= missed;
		return missed;
	}

	/**
	 * As long a gap as leaves the calibration uncensored: from the first read's request
	 * to the second's answer (the gap and about one and a half round trips), the stream
	 * could not have filled its pages even at {@link #UNCENSORED_HEADROOM} times its
	 * rate, however late within its round trip GitHub took each page (a calibration that
	 * saturates only bounds the rate from below). The longer the gap, the more events the
	 * second read meets: the calibration costs less of a page and tells more.
	 */
	private Duration calibrationGap() {
		// Planned from the floor when the stream outran its measured rate, or every
		// calibration would saturate: each one that does proves a higher floor.
		Double rate = pacingRate();
		if (rate == null || rate <= 0 || this.lastRoundTrip == null) {
			return Duration.ZERO;
		}
		double span = CALIBRATION_SPAN * this.pages.depth() * PAGE_SIZE / (UNCENSORED_HEADROOM * rate);
		Duration gap = Duration.ofNanos((long) (span * 1e9)).minus(this.lastRoundTrip.multipliedBy(3).dividedBy(2));
		return gap.isNegative() ? Duration.ZERO : gap;
	}

	private static double seconds(Duration duration) {
		return Math.max(1e-3, duration.toNanos() / 1e9);
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
	 * @param topSentAt when the request for its top page was sent
	 * @param topAnsweredAt when the answer came
	 * @param newEvents events it stored
	 * @param overlap events it found already stored
	 * @param reachedBottom whether it read the stream's last page
	 * @param deepCheckNew new events found by reading past where the sweep could have
	 * stopped, or -1 when it did not
	 */
	record SweepSummary(Instant topSentAt, Instant topAnsweredAt, int newEvents, int overlap, boolean reachedBottom,
			int deepCheckNew) {

		/**
		 * When its top page was read, as best known: halfway between request and answer.
		 */
		Instant topReadAt() {
			return this.topSentAt.plus(Duration.between(this.topSentAt, this.topAnsweredAt).dividedBy(2));
		}

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
