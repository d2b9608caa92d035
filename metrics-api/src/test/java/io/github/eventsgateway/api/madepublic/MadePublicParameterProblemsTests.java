package io.github.eventsgateway.api.madepublic;

import io.github.eventsgateway.api.SliceBeans;
import io.github.eventsgateway.api.hot.JsonBodies;
import io.github.eventsgateway.api.problem.ProblemAnswering;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.github.eventsgateway.api.problem.BadRequests.expectBadRequest;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The made-public endpoint's {@code limit}, on its route alone: anything but a whole
 * number from 1 to 1000 is a 400 problem saying what would do, and the store is never
 * asked.
 */
@WebFluxTest(MadePublicConfiguration.class)
@Import({ SliceBeans.class, ProblemAnswering.class })
class MadePublicParameterProblemsTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private MadePublicAnswers answers;

	@MockitoBean
	private JsonBodies json;

	@ParameterizedTest
	@ValueSource(strings = { "0", "1001", "-5", "abc", "1.5", "99999999999" })
	void refusesALimitOutsideOneToAThousand(String limit) {
		expectBadRequest(this.client, "/api/v1/repos/made-public?limit=" + limit).jsonPath("$.parameter")
			.isEqualTo("limit")
			.jsonPath("$.detail")
			.isEqualTo("limit must be a whole number from 1 to 1000, such as limit=100; got '" + limit + "'.");
		verifyNoInteractions(this.answers);
	}

}
