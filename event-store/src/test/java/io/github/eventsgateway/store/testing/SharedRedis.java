package io.github.eventsgateway.store.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class the JVM's one throwaway {@code redis-server}, instead of a server of
 * its own:
 * <ul>
 * <li>test methods, constructors and {@code @BeforeAll} methods may take a
 * {@link TestRedis}: a namespace of the class's own on that server, so classes never see
 * each other's keys;</li>
 * <li>a Spring test context gets {@code spring.data.redis.url} of that server. Every
 * class so annotated shares the same URL, so Spring reuses their contexts when the rest
 * of their configuration agrees; such classes share the context's namespace too, and each
 * loads what it needs (idempotently) or clears it first.</li>
 * </ul>
 * A class that kills or restarts Redis starts a {@link RedisServerProcess} of its own
 * instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(SharedRedisExtension.class)
public @interface SharedRedis {

}
