package io.github.eventsgateway.poller.github;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads GitHub's {@code Link} header, such as
 * {@code <https://api.github.com/events?page=2>; rel="next", <...>; rel="last"}.
 */
final class LinkHeader {

	private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^,;<]*)*)");

	private static final Pattern NEXT = Pattern.compile("rel\\s*=\\s*\"?([^\";]*\\s)?next(\\s[^\";]*)?\"?");

	private LinkHeader() {
	}

	/**
	 * Finds the URL of the next page.
	 * @param header the header's value, or {@code null}
	 * @return the URL with {@code rel="next"}, exactly as given
	 */
	static Optional<String> next(String header) {
		if (header == null) {
			return Optional.empty();
		}
		Matcher link = LINK.matcher(header);
		while (link.find()) {
			if (NEXT.matcher(link.group(2)).find()) {
				return Optional.of(link.group(1).trim());
			}
		}
		return Optional.empty();
	}

}
