package io.github.eventsgateway.api.timeline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.time.SimpleTimePeriod;
import org.jfree.data.time.TimeTableXYDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a timeline as a stacked bar chart in SVG, with JFreeChart onto JFreeSVG's
 * {@code Graphics2D}. Drawing is CPU work: callers run it off the event loop.
 */
final class TimelineChart {

	/** The same colours, in the same order (busiest type first), as the dashboard's. */
	static final List<Color> PALETTE = List.of(new Color(0x4e79a7), new Color(0xf28e2b), new Color(0xe15759),
			new Color(0x76b7b2), new Color(0x59a14f), new Color(0xedc948), new Color(0xb07aa1), new Color(0xff9da7),
			new Color(0x9c755f), new Color(0xbab0ac), new Color(0x17becf), new Color(0xbcbd22), new Color(0x7f7f7f),
			new Color(0x8c564b), new Color(0xaec7e8), new Color(0x98df8a), new Color(0xc5b0d5), new Color(0xffbb78),
			new Color(0x1f77b4), new Color(0xd62728));

	private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);

	private static final DateTimeFormatter TITLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

	private TimelineChart() {
	}

	/**
	 * Draws the chart.
	 * @param timeline the timeline
	 * @param width the width in pixels
	 * @param height the height in pixels
	 * @return a standalone SVG document
	 */
	static String svg(TimelineView timeline, int width, int height) {
		JFreeChart chart = new JFreeChart(null, FONT, plot(timeline), !timeline.hasNoEvents());
		chart.setBackgroundPaint(Color.WHITE);
		chart.setPadding(new RectangleInsets(10, 8, 6, 12));
		chart.addSubtitle(new TextTitle(title(timeline), FONT.deriveFont(Font.BOLD, 14f)));
		SVGGraphics2D svg = new SVGGraphics2D(width, height);
		svg.setGeomDoubleConverter(TimelineChart::tenthOfAPixel);
		svg.setRenderingHint(JFreeChart.KEY_SUPPRESS_SHADOW_GENERATION, true);
		chart.draw(svg, new Rectangle(0, 0, width, height));
		return svg.getSVGDocument();
	}

	/** What an empty timeline says instead of bars. */
	static String emptyMessage(TimelineView timeline) {
		return "No events in the last " + minutes(timeline.offsetMinutes());
	}

	private static XYPlot plot(TimelineView timeline) {
		XYPlot plot = new XYPlot(dataset(timeline), domainAxis(timeline), rangeAxis(timeline), renderer(timeline));
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xdddddd));
		plot.setRangeGridlineStroke(new BasicStroke(1f));
		plot.setDomainGridlinesVisible(false);
		plot.setOutlineVisible(false);
		plot.setNoDataMessage(emptyMessage(timeline));
		plot.setNoDataMessageFont(FONT.deriveFont(Font.BOLD, 16f));
		plot.setNoDataMessagePaint(Color.DARK_GRAY);
		return plot;
	}

	private static TimeTableXYDataset dataset(TimelineView timeline) {
		TimeTableXYDataset dataset = new TimeTableXYDataset(UTC);
		List<Instant> starts = timeline.buckets();
		long bucketMillis = timeline.bucketMinutes() * 60_000L;
		for (Map.Entry<String, long[]> series : timeline.series().entrySet()) {
			long[] counts = series.getValue();
			for (int i = 0; i < counts.length; i++) {
				if (counts[i] == 0) {
					// A missing value draws no bar at all, where a zero draws an empty
					// one.
					continue;
				}
				long start = starts.get(i).toEpochMilli();
				dataset.add(new SimpleTimePeriod(start, start + bucketMillis), counts[i], series.getKey(), false);
			}
		}
		return dataset;
	}

	private static DateAxis domainAxis(TimelineView timeline) {
		DateAxis axis = new DateAxis("Time (UTC)");
		axis.setTimeZone(UTC);
		axis.setLabelFont(FONT);
		axis.setTickLabelFont(FONT.deriveFont(11f));
		axis.setRange(Date.from(timeline.from()), Date.from(timeline.to()));
		return axis;
	}

	private static NumberAxis rangeAxis(TimelineView timeline) {
		NumberAxis axis = new NumberAxis("Events per " + minutes(timeline.bucketMinutes()));
		axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		axis.setLabelFont(FONT);
		axis.setTickLabelFont(FONT.deriveFont(11f));
		if (timeline.hasNoEvents()) {
			axis.setRange(0, 1);
		}
		return axis;
	}

	private static StackedXYBarRenderer renderer(TimelineView timeline) {
		StackedXYBarRenderer renderer = new StackedXYBarRenderer(0.15);
		renderer.setBarPainter(new StandardXYBarPainter());
		renderer.setShadowVisible(false);
		renderer.setDrawBarOutline(false);
		for (int i = 0; i < timeline.series().size(); i++) {
			renderer.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
		}
		return renderer;
	}

	private static String title(TimelineView timeline) {
		return "GitHub events per " + minutes(timeline.bucketMinutes()) + ", last " + minutes(timeline.offsetMinutes())
				+ " (to " + TITLE_TIME.format(timeline.to()) + ", " + timeline.total() + " events)";
	}

	/** Coordinates to a tenth of a pixel: a smaller document that looks the same. */
	private static String tenthOfAPixel(double value) {
		double rounded = Math.round(value * 10) / 10.0;
		return (rounded == Math.rint(rounded)) ? Long.toString((long) rounded) : Double.toString(rounded);
	}

	private static String minutes(int minutes) {
		return (minutes == 1) ? "minute" : minutes + " minutes";
	}

}
