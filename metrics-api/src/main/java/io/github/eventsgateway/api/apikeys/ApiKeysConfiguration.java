package io.github.eventsgateway.api.apikeys;

import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.ApiKeyBudgets;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Optional API keys ({@code API_KEYS}): without any, nothing is checked and nothing
 * changes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiKeysProperties.class)
class ApiKeysConfiguration {

	@Bean
	ApiKeys apiKeys(ApiKeysProperties properties) {
		return ApiKeys.parse(properties.keys());
	}

	@Bean
	ApiKeyBudgets apiKeyBudgets(ReactiveStringRedisTemplate redis, EventStoreKeys keys) {
		return new ApiKeyBudgets(redis, keys);
	}

	@Bean
	ApiKeyFilter apiKeyFilter(ApiKeys keys, ApiKeyBudgets budgets) {
		return new ApiKeyFilter(keys, budgets);
	}

	@Bean
	ApiKeysOpenApi apiKeysOpenApi(ApiKeys keys) {
		return new ApiKeysOpenApi(keys);
	}

}
