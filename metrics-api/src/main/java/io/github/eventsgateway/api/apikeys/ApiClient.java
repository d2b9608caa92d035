package io.github.eventsgateway.api.apikeys;

import io.github.eventsgateway.store.ApiKeyBudget;

/**
 * A client that holds an API key, known by the key's SHA-256 only.
 *
 * @param name the name the operator gave it, for problems and logs
 * @param keyHash the SHA-256 of its key, in lower-case hexadecimal
 * @param budget the requests it may make
 */
record ApiClient(String name, String keyHash, ApiKeyBudget budget) {

}
