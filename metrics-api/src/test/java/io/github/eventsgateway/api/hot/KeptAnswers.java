package io.github.eventsgateway.api.hot;

import java.time.Duration;

import io.github.eventsgateway.api.hot.VersionWatch.Known;
import io.github.eventsgateway.store.StoreVersion;

import org.springframework.context.ApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * For test classes that share one Spring context and write the store behind the API's
 * back: waits until the API has confirmed the store's version as it is now, so that no
 * answer the API kept for an earlier class (at an older version) is given again.
 */
public final class KeptAnswers {

	private KeptAnswers() {
	}

	/**
	 * Waits (two seconds at most) until the context's replica knows the store's current
	 * version.
	 * @param context the API's application context
	 */
	public static void awaitCurrentVersion(ApplicationContext context) {
		VersionWatch watch = context.getBean(VersionWatch.class);
		String version = context.getBean(StoreVersion.class).read().block(Duration.ofSeconds(5));
		await().atMost(Duration.ofSeconds(2)).until(() -> {
			Known known = watch.current();
			return known != null && known.version().equals(version);
		});
	}

}
