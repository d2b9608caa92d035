package io.github.eventsgateway.firehose.capture;

/**
 * One point of the capture benchmark: a budget, a feed and its rates, a pacing.
 *
 * @param budget {@code 1 token}, {@code 3 tokens} or {@code app}
 * @param tokens personal tokens in the pool (0 with the App)
 * @param app whether the pool is one GitHub App installation (15,000 requests an hour)
 * @param split whether the feed is 2026's split feed, or the classic one
 * @param pushRate page 1's events a second (split), or the classic feed's rate
 * @param otherRate pages 2-3's events a second (split)
 * @param pacing the poller's {@code POLLER_PACING}
 */
record CapturePoint(String budget, int tokens, boolean app, boolean split, double pushRate, double otherRate,
		String pacing) {

	static CapturePoint split(int tokens, double pushRate, double otherRate) {
		return new CapturePoint(tokens + ((tokens == 1) ? " token" : " tokens"), tokens, false, true, pushRate,
				otherRate, "budget");
	}

	static CapturePoint app(double pushRate, double otherRate) {
		return new CapturePoint("app", 0, true, true, pushRate, otherRate, "budget");
	}

	static CapturePoint classic(int tokens, double rate) {
		return new CapturePoint(tokens + " token", tokens, false, false, rate, 0, "budget");
	}

	CapturePoint pacing(String pacing) {
		return new CapturePoint(this.budget, this.tokens, this.app, this.split, this.pushRate, this.otherRate, pacing);
	}

	/** The pool's requests a second: 5,000 an hour a token, 15,000 for the App. */
	double requestsPerSecond() {
		return (this.app ? 15_000 : 5_000 * this.tokens) / 3600.0;
	}

	/**
	 * The best share of page 1 any scheduler could capture with this budget once pages
	 * 2-3 are complete: every request left buys a full page of 100 new events.
	 */
	double bestPushShare() {
		double left = requestsPerSecond() - this.otherRate / 100;
		return Math.max(0, Math.min(1, left * 100 / this.pushRate));
	}

	/**
	 * The best share of pages 2-3: all of it, when the budget covers one request per 100.
	 */
	double bestOtherShare() {
		return Math.min(1, requestsPerSecond() * 100 / this.otherRate);
	}

}
