package io.github.eventsgateway.api.apikeys;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API keys clients must send, as {@code API_KEYS} gives them; none by default, and
 * then no key is needed. Checked by {@link ApiKeys#parse}, not here: a binding failure
 * would print the value, keys and all.
 *
 * @param keys one entry per client, {@code name:key} or {@code name:key:rate/burst}
 */
@ConfigurationProperties("gateway.api-keys")
public record ApiKeysProperties(@DefaultValue List<String> keys) {

	/** Says how many entries there are, never what they hold. */
	@Override
	public String toString() {
		return "ApiKeysProperties[" + this.keys.size() + " entries]";
	}

}
