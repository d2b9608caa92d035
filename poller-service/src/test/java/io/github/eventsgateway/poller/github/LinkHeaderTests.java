package io.github.eventsgateway.poller.github;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkHeaderTests {

	private static final URI API = URI.create("https://api.github.com");

	@Test
	void findsTheLastPageAmongOtherLinks() {
		LinkHeader header = LinkHeader.of("<https://api.github.com/events?per_page=100&page=2>; rel=\"next\", "
				+ "<https://api.github.com/events?per_page=100&page=3>; rel=\"last\"");
		assertThat(header.lastPage()).contains(3);
		assertThat(header.hasNext()).isTrue();
		assertThat(header.foreignOrigin(API)).isEmpty();
	}

	@Test
	void findsNothingOnTheLastPage() {
		LinkHeader header = LinkHeader.of("<https://api.github.com/events?per_page=100&page=1>; rel=\"first\", "
				+ "<https://api.github.com/events?per_page=100&page=2>; rel=\"prev\"");
		assertThat(header.hasNext()).isFalse();
		assertThat(header.lastPage()).isEmpty();
		assertThat(LinkHeader.of(null).hasNext()).isFalse();
		assertThat(LinkHeader.of("garbage").lastPage()).isEmpty();
	}

	@Test
	void readsLinksInAnyOrderAndSpacing() {
		LinkHeader header = LinkHeader
			.of("<https://api.github.com/events?page=1>;rel=\"prev\",<https://api.github.com/events?page=3>;  rel=last");
		assertThat(header.lastPage()).contains(3);
	}

	@Test
	void namesTheOriginOfALinkThatLeavesTheApisOriginAndNothingElse() {
		assertThat(LinkHeader.of("<http://127.0.0.1:9299/steal?page=2&token=x>; rel=\"next\"").foreignOrigin(API))
			.contains("http://127.0.0.1:9299");
		assertThat(LinkHeader.of("<https://api.github.com:8443/events?page=2>; rel=\"next\"").foreignOrigin(API))
			.contains("https://api.github.com:8443");
		assertThat(LinkHeader.of("<http://api.github.com/events?page=2>; rel=\"next\"").foreignOrigin(API))
			.contains("http://api.github.com");
		assertThat(LinkHeader.of("<https://user:pw@api.github.com/events?page=2>; rel=\"next\"").foreignOrigin(API))
			.contains("https://api.github.com");
		assertThat(LinkHeader.of("<http://127.0.0.1:9281@127.0.0.1:9299/>; rel=\"next\"")
			.foreignOrigin(URI.create("http://127.0.0.1:9281"))).contains("http://127.0.0.1:9299");
		assertThat(LinkHeader.of("<https://API.GitHub.com:443/events?page=2>; rel=\"next\"").foreignOrigin(API))
			.isEmpty();
	}

}
