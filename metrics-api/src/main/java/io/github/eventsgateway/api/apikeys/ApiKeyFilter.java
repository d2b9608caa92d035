package io.github.eventsgateway.api.apikeys;

import java.util.List;

import io.github.eventsgateway.store.ApiKeyBudgets;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Lets a request to the API ({@code /api/**}) through only with a known key in
 * {@value #HEADER} and a request left in that key's budget, when the deployment has keys.
 * Exempt: the dashboard's live stream (a browser's EventSource cannot send a header, and
 * all its clients on a replica share one read of Redis a second, so a budget would
 * protect nothing), the dashboard page, the API description and the actuator (probes and
 * scrapes). Refusals are raised as problems; a budget that cannot be read (Redis away)
 * fails the request with 503, like every read of the store: no request goes unchecked.
 */
final class ApiKeyFilter implements WebFilter, Ordered {

	/** The header that carries the key. */
	static final String HEADER = "X-API-Key";

	/** The header that tells a client how many requests it may still make at once. */
	static final String REMAINING_HEADER = "X-RateLimit-Remaining";

	private static final List<String> STREAM = List.of("api", "v1", "events", "stream");

	private final ApiKeys keys;

	private final ApiKeyBudgets budgets;

	ApiKeyFilter(ApiKeys keys, ApiKeyBudgets budgets) {
		this.keys = keys;
		this.budgets = budgets;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.keys.isEnabled() || !isKeyed(exchange)) {
			return chain.filter(exchange);
		}
		String presented = exchange.getRequest().getHeaders().getFirst(HEADER);
		if (presented == null || presented.isBlank()) {
			return Mono.error(ApiKeyRequiredException.missing());
		}
		ApiClient client = this.keys.find(presented.trim());
		if (client == null) {
			return Mono.error(ApiKeyRequiredException.unknown());
		}
		return this.budgets.spend(client.keyHash(), client.budget()).flatMap((spending) -> {
			if (!spending.allowed()) {
				return Mono.error(new RequestBudgetExceededException(client, spending.retryAfter()));
			}
			exchange.getResponse().getHeaders().set(REMAINING_HEADER, Long.toString(spending.remaining()));
			return chain.filter(exchange);
		});
	}

	/**
	 * Whether a request goes to the API, judged by its path as the handlers match it:
	 * decoded segments without path parameters, so that {@code /%61pi/...} or
	 * {@code /api;x/...} is the API too.
	 */
	private static boolean isKeyed(ServerWebExchange exchange) {
		List<String> segments = exchange.getRequest()
			.getPath()
			.pathWithinApplication()
			.elements()
			.stream()
			.filter(PathContainer.PathSegment.class::isInstance)
			.map((segment) -> ((PathContainer.PathSegment) segment).valueToMatch())
			.filter((segment) -> !segment.isEmpty())
			.toList();
		return !segments.isEmpty() && segments.get(0).equals("api") && !segments.equals(STREAM);
	}

	/** After the filter that gives empty error answers a body; refusals are not empty. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
