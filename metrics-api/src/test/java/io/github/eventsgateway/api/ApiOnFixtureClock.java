package io.github.eventsgateway.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.eventsgateway.store.testing.SharedRedis;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The whole API on {@link FixtureClock}'s "now" and the JVM's shared Redis. Every class
 * so annotated gets the same Spring context (Spring starts it once), and so the same
 * namespace of the store ({@link TestEventStore#ofSharedContexts}): each class empties it
 * and stores what it needs first, then waits until the API has seen that
 * ({@code KeptAnswers}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = { MetricsApiApplication.class, FixtureClock.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "gateway.store.retention=7400d")
@AutoConfigureWebTestClient
@SharedRedis
@interface ApiOnFixtureClock {

}
