package io.github.eventsgateway.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamIdsTests {

	@Test
	void namesAStreamByItsPagesAndReadsThemBack() {
		assertThat(StreamIds.of(1, 1)).isEqualTo("p1");
		assertThat(StreamIds.of(2, 3)).isEqualTo("p2-3");
		assertThat(StreamIds.pages(StreamIds.of(1, 3))).containsExactly(1, 2, 3);
		assertThat(StreamIds.pages("p1")).containsExactly(1);
	}

	@Test
	void anIdOfAnotherFormNamesNoPages() {
		assertThat(StreamIds.pages("repo:o/r")).isEmpty();
		assertThat(StreamIds.pages("replay")).isEmpty();
	}

}
