package io.github.eventsgateway.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.eventsgateway.api.RawHttp.Response;
import io.github.eventsgateway.store.testing.SharedRedis;
import io.github.eventsgateway.store.testing.TestRedis;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throws many malformed, hostile and oversized requests at the API: none may produce a
 * 5xx, every error must be problem+json with a bounded detail, and none may create
 * anything in Redis. The context is the one of {@link BelowTheApplicationTests} (whose
 * short idle timeout changes nothing here), so that Spring starts it once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = BelowTheApplicationTests.SHORT_IDLE_TIMEOUT)
@SharedRedis
class MalformedInputTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@Test
	void answersEveryBadRequestWithAProblemAndNeverA5xx() {
		for (String target : badTargets()) {
			Response response = RawHttp.send(this.port, "GET", target);
			assertThat(response.status()).as(target).isBetween(400, 499);
			assertProblem(target, response);
		}
	}

	@Test
	void answersUnsupportedMethodsAndMediaTypesWithProblems() {
		List<String> requests = List.of(
				"POST /api/v1/poller/status HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + "Content-Length: 0\r\n\r\n",
				"DELETE /api/v1/events/counts HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
				"GET /api/v1/poller/status HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nConnection: close\r\n\r\n",
				"GET /api/v1/events/counts?offset=5 HTTP/1.1\r\nHost: x\r\nAccept: application/xml\r\n"
						+ "Connection: close\r\n\r\n",
				"PUT /api/v1/repos/made-public HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\n"
						+ "Content-Length: 3\r\nConnection: close\r\n\r\n<a>");
		List<Integer> statuses = new ArrayList<>();
		for (String request : requests) {
			Response response = RawHttp.send(this.port, request);
			statuses.add(response.status());
			assertProblem(request.lines().findFirst().orElseThrow(), response);
		}
		assertThat(statuses).containsExactly(405, 405, 406, 406, 405);
	}

	@Test
	void storesNothingWhateverTheInput(TestRedis testRedis) {
		// The shared server holds other classes' keys: none may come or go.
		Set<String> keysBefore = keys(testRedis);
		for (String target : badTargets()) {
			RawHttp.send(this.port, "GET", target);
		}
		assertThat(keys(testRedis)).isEqualTo(keysBefore);
	}

	private static Set<String> keys(TestRedis testRedis) {
		return testRedis.template().keys("*").collect(Collectors.toSet()).block(Duration.ofSeconds(10));
	}

	private static void assertProblem(String request, Response response) {
		assertThat(response.contentType()).as(request).startsWith("application/problem+json");
		Map<String, Object> problem = JSON.readValue(response.body(), MAP);
		assertThat(problem).as(request).containsKeys("type", "title", "status", "detail", "instance");
		assertThat(problem.get("status")).as(request).isEqualTo(response.status());
		assertThat((String) problem.get("detail")).as(request).isNotBlank().hasSizeLessThan(400);
		assertThat((String) problem.get("instance")).as(request).hasSizeLessThanOrEqualTo(200);
	}

	private static List<String> badTargets() {
		String longText = "a".repeat(20_000);
		List<String> targets = new ArrayList<>(List.of("/", "/nope", "/api", "/api/v1", "/api/v2/events/counts",
				"/api/v1/events/counts/", "/api/v1/events/counts?offset=0", "/api/v1/events/counts?offset=-5",
				"/api/v1/events/counts?offset=10081", "/api/v1/events/counts?offset=1.5",
				"/api/v1/events/counts?offset=1e3", "/api/v1/events/counts?offset=0x10",
				"/api/v1/events/counts?offset=99999999999999999999999", "/api/v1/events/counts?offset=%zz",
				"/api/v1/events/counts?offset=%", "/api/v1/events/counts?offset=1%00",
				"/api/v1/events/counts?offset=%F0%9F%92%A5", "/api/v1/events/counts?offset=1&offset=2",
				"/api/v1/events/counts?offset=" + longText, "/api/v1/events/counts?types=",
				"/api/v1/events/counts?types=,,,", "/api/v1/events/counts?types=Push%20Event",
				"/api/v1/events/counts?types=*", "/api/v1/events/counts?types=a%27%3B%20redis.call(%27FLUSHALL%27)",
				"/api/v1/events/counts?types=" + manyTypes(51), "/api/v1/events/counts?types=" + longText,
				"/api/v1/events/counts?types=1Event", "/api/v1/events/counts?offset=10&types=%0d%0aX-Injected:%201",
				"/api/v1/repos/made-public?limit=0", "/api/v1/repos/made-public?limit=1001",
				"/api/v1/repos/made-public?limit=abc", "/api/v1/repos/made-public?limit=-1",
				"/api/v1/repos/made-public?limit=" + longText, "/api/v1/repos/b.ad/repo/pull-requests/average-interval",
				"/api/v1/repos/bad!/repo/pull-requests/average-interval",
				"/api/v1/repos/" + "a".repeat(40) + "/repo/pull-requests/average-interval",
				"/api/v1/repos/owner/" + "r".repeat(101) + "/pull-requests/average-interval",
				"/api/v1/repos/owner/./pull-requests/average-interval",
				"/api/v1/repos/owner/../pull-requests/average-interval",
				"/api/v1/repos/owner/a%2Fb/pull-requests/average-interval",
				"/api/v1/repos/owner/a%20b/pull-requests/average-interval",
				"/api/v1/repos/own%00er/repo/pull-requests/average-interval",
				"/api/v1/repos/owner/re*po/pull-requests/average-interval",
				"/api/v1/repos/owner/%E2%9C%93/pull-requests/average-interval",
				"/api/v1/repos/owner/repo%7B%7D/pull-requests/average-interval",
				"/api/v1/repos/owner/repo/pull-requests/average-interval/extra",
				"/api/v1/repos/owner/pull-requests/average-interval",
				"/api/v1/repos/" + longText + "/repo/pull-requests/average-interval", "/api/v1/%zz", "/%",
				"/api/v1/events/counts?offset=|", "/api/v1/events/counts?offset=<script>", "/actuator/nope",
				"/v3/api-docs/nope/../.."));
		for (int i = 0; i < 40; i++) {
			targets.add("/api/v1/events/counts?offset=x" + hostileText(i));
			targets.add("/api/v1/events/counts?types=" + hostileText(i + 3000) + "%21");
			targets.add("/api/v1/repos/made-public?limit=x" + hostileText(i + 1000));
			targets.add("/api/v1/repos/-" + hostileText(i + 2000) + "%21/repo/pull-requests/average-interval");
		}
		return targets;
	}

	private static String manyTypes(int count) {
		StringBuilder types = new StringBuilder();
		for (int i = 0; i < count; i++) {
			types.append("Type").append(i).append(',');
		}
		return types.toString();
	}

	/**
	 * Deterministic junk: percent-encoded bytes, quotes, Lua and Redis syntax, controls.
	 */
	private static String hostileText(int seed) {
		String[] pieces = { "%27", "%22", "%00", "%0A", "%FF", "--", "..", "%2F", "%25", "KEYS", "*", "%20", "EVAL",
				"%5C", "%C3%A9", "%7B", "%7D", "9", "x" };
		StringBuilder text = new StringBuilder();
		int value = seed * 7919 + 17;
		for (int i = 0; i < 3 + seed % 9; i++) {
			value = value * 31 + 7;
			text.append(pieces[Math.floorMod(value, pieces.length)]);
		}
		return text.toString();
	}

}
