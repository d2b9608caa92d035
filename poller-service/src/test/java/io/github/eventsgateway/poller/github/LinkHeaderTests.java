package io.github.eventsgateway.poller.github;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkHeaderTests {

	@Test
	void findsTheNextPageAmongOtherLinks() {
		String header = "<https://api.github.com/events?per_page=100&page=2>; rel=\"next\", "
				+ "<https://api.github.com/events?per_page=100&page=3>; rel=\"last\"";
		assertThat(LinkHeader.next(header)).contains("https://api.github.com/events?per_page=100&page=2");
	}

	@Test
	void findsNothingOnTheLastPage() {
		String header = "<https://api.github.com/events?per_page=100&page=1>; rel=\"first\", "
				+ "<https://api.github.com/events?per_page=100&page=2>; rel=\"prev\"";
		assertThat(LinkHeader.next(header)).isEmpty();
		assertThat(LinkHeader.next(null)).isEmpty();
		assertThat(LinkHeader.next("garbage")).isEmpty();
	}

	@Test
	void readsLinksInAnyOrderAndSpacing() {
		String header = "<https://api.github.com/events?page=1>;rel=\"prev\",<https://api.github.com/events?page=3>;  rel=next";
		assertThat(LinkHeader.next(header)).contains("https://api.github.com/events?page=3");
	}

}
