package io.github.eventsgateway.api.counts;

import io.github.eventsgateway.api.SliceBeans;
import io.github.eventsgateway.api.capture.CaptureAnswers;
import io.github.eventsgateway.api.eventtypes.EventTypeResolver;
import io.github.eventsgateway.api.hot.JsonBodies;
import io.github.eventsgateway.api.problem.ProblemAnswering;
import io.github.eventsgateway.store.EventReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.github.eventsgateway.api.problem.BadRequests.expectBadRequest;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The counts endpoint's parameter checking, on its route alone: every malformed or
 * out-of-range parameter is a 400 problem naming it, and the store is never asked.
 */
@WebFluxTest(CountsConfiguration.class)
@Import({ SliceBeans.class, ProblemAnswering.class })
class CountsParameterProblemsTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private EventReader reader;

	@MockitoBean
	private EventTypeResolver types;

	@MockitoBean
	private JsonBodies json;

	@MockitoBean
	private CaptureAnswers capture;

	@ParameterizedTest
	@CsvSource({ "offset=0,offset", "offset=10081,offset", "offset=-1,offset", "offset=1.5,offset", "offset=abc,offset",
			"types=,types", "'types=,,',types", "types=1Event,types", "types=Event*,types",
			"offset=10&types=WatchEvent;IssuesEvent,types" })
	void refusesAWindowOrTypeListItCannotBeWithAProblemNamingTheParameter(String query, String parameter) {
		expectBadRequest(this.client, "/api/v1/events/counts?" + query).jsonPath("$.parameter")
			.isEqualTo(parameter)
			.jsonPath("$.instance")
			.isEqualTo("/api/v1/events/counts");
		verifyNoInteractions(this.reader, this.types, this.capture);
	}

}
