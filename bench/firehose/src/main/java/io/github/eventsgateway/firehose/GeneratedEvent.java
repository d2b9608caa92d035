package io.github.eventsgateway.firehose;

import java.time.Instant;

/**
 * One event the stand-in made up.
 *
 * @param id the event id (GitHub's are numeric strings that grow over time)
 * @param type the event type
 * @param createdAt when it happened, to the nanosecond of its schedule
 * @param json the event as {@code /events} serves it
 */
public record GeneratedEvent(long id, String type, Instant createdAt, String json) {

}
