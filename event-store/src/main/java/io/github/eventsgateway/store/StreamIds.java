package io.github.eventsgateway.store;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The ids of the feed's streams, as the poller stores them with their capture statistics
 * and the API shows them: the pages of {@code /events} that show the stream, such as
 * {@code p1} or {@code p2-3}. Written and read here only.
 */
public final class StreamIds {

	private static final Pattern PAGES = Pattern.compile("p([1-9])(?:-([1-9]))?");

	private StreamIds() {
	}

	/**
	 * The id of the stream that pages show.
	 * @param top the first page
	 * @param bottom the last page
	 * @return {@code p1} for one page, {@code p2-3} for several
	 */
	public static String of(int top, int bottom) {
		return (top == bottom) ? "p" + top : "p" + top + "-" + bottom;
	}

	/**
	 * The pages an id names.
	 * @param id a stream's id
	 * @return its pages, top first, or none for an id of another form
	 */
	public static List<Integer> pages(String id) {
		Matcher pages = PAGES.matcher(id);
		if (!pages.matches()) {
			return List.of();
		}
		int top = Integer.parseInt(pages.group(1));
		int bottom = (pages.group(2) != null) ? Integer.parseInt(pages.group(2)) : top;
		return IntStream.rangeClosed(top, Math.max(top, bottom)).boxed().toList();
	}

}
