package io.github.eventsgateway.api.dashboard;

import java.time.Instant;

/**
 * What the stream sends instead of a summary while Redis cannot be read; the stream goes
 * on and summaries resume by themselves.
 *
 * @param at when the read failed
 * @param detail what went wrong, for a person
 */
record StreamUnavailable(Instant at, String detail) {

}
