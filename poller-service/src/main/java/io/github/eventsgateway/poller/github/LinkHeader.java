package io.github.eventsgateway.poller.github;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads GitHub's {@code Link} header, such as
 * {@code <https://api.github.com/events?page=2>; rel="next", <...>; rel="last"}. The
 * poller never follows a link: it asks for pages by number, at the API's own origin, so a
 * header that names another host can never make it send a token there.
 */
final class LinkHeader {

	private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^,;<]*)*)");

	private static final Pattern PAGE = Pattern.compile("[?&]page=([0-9]{1,4})(?:&|$)");

	private final String header;

	private LinkHeader(String header) {
		this.header = header;
	}

	static LinkHeader of(String header) {
		return new LinkHeader((header != null) ? header : "");
	}

	/**
	 * The number of the page marked {@code rel="last"}.
	 * @return the page, or empty when there is none
	 */
	Optional<Integer> lastPage() {
		return url("last").flatMap(LinkHeader::pageNumber);
	}

	/** Whether the header names a {@code rel="next"} page. */
	boolean hasNext() {
		return url("next").isPresent();
	}

	/**
	 * The first link that points outside an origin, to report it.
	 * @param origin the API's origin, such as {@code https://api.github.com}
	 * @return the foreign link's origin (scheme, host and port; never its path or
	 * credentials), or empty when every link is at home
	 */
	Optional<String> foreignOrigin(URI origin) {
		Matcher link = LINK.matcher(this.header);
		while (link.find()) {
			String foreign = foreign(link.group(1).trim(), origin);
			if (foreign != null) {
				return Optional.of(foreign);
			}
		}
		return Optional.empty();
	}

	private Optional<String> url(String rel) {
		Pattern relation = Pattern.compile("rel\\s*=\\s*\"?([^\";]*\\s)?" + rel + "(\\s[^\";]*)?\"?");
		Matcher link = LINK.matcher(this.header);
		while (link.find()) {
			if (relation.matcher(link.group(2)).find()) {
				return Optional.of(link.group(1).trim());
			}
		}
		return Optional.empty();
	}

	private static Optional<Integer> pageNumber(String url) {
		Matcher page = PAGE.matcher(url);
		return page.find() ? Optional.of(Integer.valueOf(page.group(1))) : Optional.empty();
	}

	private static String foreign(String url, URI origin) {
		try {
			URI uri = URI.create(url);
			if (uri.getRawUserInfo() == null && sameOrigin(uri, origin)) {
				return null;
			}
			String host = (uri.getHost() != null) ? uri.getHost() : "?";
			return uri.getScheme() + "://" + host + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
		}
		catch (IllegalArgumentException ex) {
			return "(unreadable link)";
		}
	}

	private static boolean sameOrigin(URI uri, URI origin) {
		return origin.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
				&& origin.getHost().equalsIgnoreCase(String.valueOf(uri.getHost())) && port(uri) == port(origin);
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

}
