package io.github.eventsgateway.store.testing;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points the Spring context of a {@link SharedRedis} test class at the shared
 * {@code redis-server}. The customizer is the same for every such class, so it never
 * stops Spring from reusing a context.
 */
class SharedRedisContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		boolean shared = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).isPresent(SharedRedis.class);
		return shared ? new SharedRedisContextCustomizer() : null;
	}

	private static final class SharedRedisContextCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			String url = SharedRedisServer.get().server().url();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("sharedRedis", Map.of("spring.data.redis.url", url)));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof SharedRedisContextCustomizer;
		}

		@Override
		public int hashCode() {
			return SharedRedisContextCustomizer.class.hashCode();
		}

	}

}
