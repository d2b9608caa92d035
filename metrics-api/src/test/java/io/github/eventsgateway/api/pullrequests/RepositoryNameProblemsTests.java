package io.github.eventsgateway.api.pullrequests;

import io.github.eventsgateway.api.SliceBeans;
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
 * The pull-request interval endpoint's repository name, on its route alone: a name the
 * store cannot hold is a 400 problem naming the part that is wrong, and the store is
 * never asked.
 */
@WebFluxTest(PullRequestsConfiguration.class)
@Import({ SliceBeans.class, ProblemAnswering.class })
class RepositoryNameProblemsTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private EventReader reader;

	@MockitoBean
	private JsonBodies json;

	@ParameterizedTest
	@CsvSource({ "a.b/repo,owner", "owner/..,repo", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/repo,owner",
			"owner/.,repo" })
	void refusesNamesTheStoreCannotHold(String repo, String parameter) {
		expectBadRequest(this.client, "/api/v1/repos/" + repo + "/pull-requests/average-interval")
			.jsonPath("$.parameter")
			.isEqualTo(parameter);
		verifyNoInteractions(this.reader);
	}

}
