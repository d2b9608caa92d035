package io.github.eventsgateway.firehose;

/**
 * How many requests of one kind the stand-in answered.
 *
 * @param path {@code /events} or the App token endpoint's path
 * @param credential the credential's name (never a token)
 * @param page the page asked for (0 for App token requests)
 * @param status the status sent (0 for a connection reset)
 * @param count how many
 */
public record RequestCount(String path, String credential, int page, int status, long count) {

}
