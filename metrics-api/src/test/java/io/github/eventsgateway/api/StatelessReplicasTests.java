package io.github.eventsgateway.api;

import java.util.List;

import io.github.eventsgateway.api.RawHttp.Response;
import io.github.eventsgateway.store.testing.SharedRedis;
import io.github.eventsgateway.store.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two API instances on one Redis answer every request identically: they keep no state of
 * their own. Both read this class's namespace of the shared Redis, as two replicas of one
 * deployment read theirs ({@code gateway.store.namespace}).
 */
@SharedRedis
class StatelessReplicasTests {

	private static TestRedis redis;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstancesOnOneRedis(TestRedis testRedis) {
		redis = testRedis;
		try (TestEventStore store = new TestEventStore(redis)) {
			store.ingestPages(FixtureEvents.pages());
		}
		first = startInstance();
		second = startInstance();
	}

	@AfterAll
	static void stopAll() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { first, second }) {
			if (context != null) {
				context.close();
			}
		}
	}

	@Test
	void answerIdentically() {
		List<String> targets = List.of("/api/v1/events/counts?offset=10", "/api/v1/events/counts?offset=1",
				"/api/v1/events/counts?offset=5256000", "/api/v1/events/counts?offset=60&types=PushEvent,WatchEvent",
				"/api/v1/repos/sigmavirus24/github3.py/pull-requests/average-interval",
				"/api/v1/repos/duckdb/DuckDB/pull-requests/average-interval",
				"/api/v1/repos/octocat/none/pull-requests/average-interval", "/api/v1/repos/made-public",
				"/api/v1/repos/made-public?limit=3", "/api/v1/poller/status", "/api/v1/events/counts?offset=0",
				"/api/v1/repos/made-public?limit=5000", "/nowhere");
		for (String target : targets) {
			Response fromFirst = RawHttp.send(port(first), "GET", target);
			Response fromSecond = RawHttp.send(port(second), "GET", target);
			assertThat(fromSecond.status()).as(target).isEqualTo(fromFirst.status());
			assertThat(fromSecond.contentType()).as(target).isEqualTo(fromFirst.contentType());
			assertThat(fromSecond.body()).as(target).isEqualTo(fromFirst.body()).isNotEmpty();
		}
	}

	private static ConfigurableApplicationContext startInstance() {
		return new SpringApplicationBuilder(MetricsApiApplication.class, FixtureClock.class).run("--server.port=0",
				"--spring.data.redis.url=" + redis.url(), "--gateway.store.namespace=" + redis.namespace(),
				"--gateway.store.retention=7400d");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
