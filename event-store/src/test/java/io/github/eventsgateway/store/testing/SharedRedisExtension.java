package io.github.eventsgateway.store.testing;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link SharedRedis}: starts the JVM's shared {@code redis-server}
 * if needed and gives each test class a namespace of its own.
 */
public class SharedRedisExtension implements BeforeAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace
		.create(SharedRedisExtension.class);

	private static final AtomicInteger CLASSES = new AtomicInteger();

	@Override
	public void beforeAll(ExtensionContext context) {
		testRedis(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == TestRedis.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return testRedis(context);
	}

	private static TestRedis testRedis(ExtensionContext context) {
		ExtensionContext classContext = classContext(context);
		return classContext.getStore(STORE)
			.computeIfAbsent(TestRedis.class,
					(key) -> new TestRedis(SharedRedisServer.get(), namespaceFor(classContext.getRequiredTestClass())),
					TestRedis.class);
	}

	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

	/** A valid namespace (at most 32 characters) that names the class, for debugging. */
	private static String namespaceFor(Class<?> testClass) {
		String name = "t" + CLASSES.incrementAndGet() + "-" + testClass.getSimpleName();
		return (name.length() > 32) ? name.substring(0, 32) : name;
	}

}
