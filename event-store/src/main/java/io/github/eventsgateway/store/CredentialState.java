package io.github.eventsgateway.store;

import java.time.Instant;

/**
 * One credential of the poller's pool as the status shows it: never the secret, only its
 * label and its budget.
 *
 * @param label how the poller names it, such as {@code token 2 of 3} or
 * {@code app 12345 installation 678}
 * @param kind {@code personal}, {@code app} or {@code anonymous}
 * @param remaining requests left until the reset, or {@code null} before GitHub said
 * @param limit requests per window, or {@code null} before GitHub said
 * @param resetAt when the budget is full again, or {@code null}
 * @param usedLastMinute requests sent in the last minute (304s included): the secondary
 * limit's measure
 * @param blockedUntil when it may be used again after a refusal, or {@code null}
 * @param blockedBecause why it is blocked, one line, or {@code null}
 */
public record CredentialState(String label, String kind, Long remaining, Long limit, Instant resetAt,
		int usedLastMinute, Instant blockedUntil, String blockedBecause) {

}
