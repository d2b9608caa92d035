package io.github.eventsgateway.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads GitHub activity events from JSON with a streaming parser, picking out only the
 * fields of {@link GitHubEvent} and skipping the rest of each payload unread. Unknown
 * fields are ignored and missing ones become {@code null}; an event without an id or a
 * valid {@code created_at} cannot be stored and is skipped. JSON that is not JSON at all
 * raises {@link MalformedEventsException}.
 */
public final class GitHubEventCodec {

	private static final JsonFactory JSON = JsonFactory.builder().build();

	private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

	private static final Pattern EVENT_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

	private GitHubEventCodec() {
	}

	/**
	 * Reads a JSON array of events, as {@code GET /events} returns.
	 * @param json the response body
	 * @return the events that could be read, in the order given
	 * @throws MalformedEventsException if the body is not a JSON array
	 */
	public static List<GitHubEvent> readArray(byte[] json) {
		List<GitHubEvent> events = new ArrayList<>();
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				throw new MalformedEventsException("Expected a JSON array of events");
			}
			JsonToken token;
			while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
				if (token == null) {
					throw new MalformedEventsException("The JSON array of events ends early");
				}
				readValue(parser).ifPresent(events::add);
			}
			return events;
		}
		catch (JacksonException ex) {
			throw new MalformedEventsException("Events are not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Reads newline-delimited events, one JSON object a line, as GH Archive stores them.
	 * A line that cannot be read is skipped and counted, so one bad line costs one event.
	 * @param input the stream (already decompressed)
	 * @param consumer receives each event in file order
	 * @return the number of non-blank lines skipped as unreadable
	 * @throws UncheckedIOException if the stream cannot be read
	 */
	public static long readLines(InputStream input, Consumer<GitHubEvent> consumer) {
		long skipped = 0;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				Optional<GitHubEvent> event = readLine(line);
				if (event.isPresent()) {
					consumer.accept(event.get());
				}
				else {
					skipped++;
				}
			}
			return skipped;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Optional<GitHubEvent> readLine(String line) {
		try {
			return readObject(line);
		}
		catch (MalformedEventsException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Reads one event from a JSON object.
	 * @param json the object
	 * @return the event, or empty when it lacks an id or a valid {@code created_at}
	 * @throws MalformedEventsException if it is not valid JSON
	 */
	public static Optional<GitHubEvent> readObject(String json) {
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
			parser.nextToken();
			return readValue(parser);
		}
		catch (JacksonException ex) {
			throw new MalformedEventsException("Event is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private static Optional<GitHubEvent> readValue(JsonParser parser) {
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return Optional.empty();
		}
		EventFields fields = new EventFields();
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			switch (name) {
				case "id" -> fields.id = scalar(parser, value);
				case "type" -> fields.type = scalar(parser, value);
				case "created_at" -> fields.createdAt = scalar(parser, value);
				case "actor" -> readActor(parser, value, fields);
				case "repo" -> readRepo(parser, value, fields);
				case "payload" -> readPayload(parser, value, fields);
				default -> parser.skipChildren();
			}
		}
		return fields.toEvent();
	}

	private static void readActor(JsonParser parser, JsonToken value, EventFields fields) {
		readObjectFields(parser, value, (name, token) -> {
			if ("login".equals(name)) {
				fields.actor = scalar(parser, token);
			}
			else {
				parser.skipChildren();
			}
		});
	}

	private static void readRepo(JsonParser parser, JsonToken value, EventFields fields) {
		readObjectFields(parser, value, (name, token) -> {
			switch (name) {
				case "id" -> fields.repoId = scalar(parser, token);
				case "name" -> fields.repoName = scalar(parser, token);
				default -> parser.skipChildren();
			}
		});
	}

	private static void readPayload(JsonParser parser, JsonToken value, EventFields fields) {
		readObjectFields(parser, value, (name, token) -> {
			if ("action".equals(name)) {
				fields.action = scalar(parser, token);
			}
			else {
				parser.skipChildren();
			}
		});
	}

	private static void readObjectFields(JsonParser parser, JsonToken value, FieldHandler handler) {
		if (value != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return;
		}
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			handler.handle(name, parser.nextToken());
		}
	}

	private static String scalar(JsonParser parser, JsonToken token) {
		if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
			return parser.getString();
		}
		parser.skipChildren();
		return null;
	}

	@FunctionalInterface
	private interface FieldHandler {

		void handle(String name, JsonToken value);

	}

	private static final class EventFields {

		private String id;

		private String type;

		private String createdAt;

		private String actor;

		private String repoId;

		private String repoName;

		private String action;

		Optional<GitHubEvent> toEvent() {
			Instant created = parseInstant(this.createdAt);
			if (this.id == null || !EVENT_ID.matcher(this.id).matches() || created == null) {
				return Optional.empty();
			}
			String eventType = (this.type != null && TYPE_NAME.matcher(this.type).matches()) ? this.type
					: GitHubEvent.UNKNOWN_TYPE;
			return Optional.of(new GitHubEvent(this.id, eventType, parseLong(this.repoId), blankToNull(this.repoName),
					blankToNull(this.actor), created, this.action));
		}

		private static Instant parseInstant(String value) {
			if (value == null) {
				return null;
			}
			try {
				return Instant.parse(value);
			}
			catch (DateTimeException ex) {
				return null;
			}
		}

		private static Long parseLong(String value) {
			try {
				return (value != null) ? Long.valueOf(value) : null;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

		private static String blankToNull(String value) {
			return (value == null || value.isBlank()) ? null : value;
		}

	}

}
