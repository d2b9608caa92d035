package io.github.eventsgateway.api.timeline;

import io.github.eventsgateway.api.SliceBeans;
import io.github.eventsgateway.api.eventtypes.EventTypeResolver;
import io.github.eventsgateway.api.hot.JsonBodies;
import io.github.eventsgateway.api.problem.ProblemAnswering;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.github.eventsgateway.api.problem.BadRequests.expectBadRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The timeline endpoints' parameter checking, on its route alone: every malformed or
 * out-of-range parameter is a short 400 problem naming it, and the store is never asked.
 */
@WebFluxTest(TimelineConfiguration.class)
@Import({ SliceBeans.class, ProblemAnswering.class })
class TimelineParameterProblemsTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private TimelineService timelines;

	@MockitoBean
	private EventTypeResolver types;

	@MockitoBean
	private JsonBodies json;

	@ParameterizedTest
	@CsvSource({ "/api/v1/events/timeline?offset=0,offset", "/api/v1/events/timeline?offset=abc,offset",
			"/api/v1/events/timeline?offset=10081,offset", "/api/v1/events/timeline?offset=60&bucket=0,bucket",
			"/api/v1/events/timeline?offset=60&bucket=61,bucket",
			"/api/v1/events/timeline?offset=10080&bucket=1,bucket", "/api/v1/events/timeline?types=1Event,types",
			"/api/v1/events/timeline.svg?bucket=61,bucket", "/api/v1/events/timeline.svg?width=100000,width",
			"/api/v1/events/timeline.svg?width=199,width", "/api/v1/events/timeline.svg?height=abc,height" })
	void refusesWhatCannotBeDrawnWithAProblemNamingTheParameter(String uri, String parameter) {
		expectBadRequest(this.client, uri).jsonPath("$.parameter")
			.isEqualTo(parameter)
			.jsonPath("$.detail")
			.value(String.class,
					(detail) -> assertThat(detail).containsAnyOf("must be", "at most").hasSizeLessThan(300))
			.jsonPath("$.instance")
			.isEqualTo(uri.substring(0, uri.indexOf('?')));
		verifyNoInteractions(this.timelines, this.types);
	}

}
