package io.github.eventsgateway.api.timeline;

/**
 * The size of a chart image, bounded so that one request cannot ask for a huge drawing.
 *
 * @param width the width in pixels
 * @param height the height in pixels
 */
record ChartSize(int width, int height) {

	static ChartSize of(String width, String height) {
		return new ChartSize(TimelineParameters.pixels("width", width, 200, 4000),
				TimelineParameters.pixels("height", height, 150, 3000));
	}

}
