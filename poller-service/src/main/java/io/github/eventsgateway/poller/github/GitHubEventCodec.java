package io.github.eventsgateway.poller.github;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.eventsgateway.store.GitHubEvent;
import io.github.eventsgateway.store.GitHubNames;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads GitHub activity events from JSON, picking out only the fields of
 * {@link GitHubEvent}. Unknown fields are ignored and missing ones become {@code null},
 * so the payloads GitHub trimmed in October 2025 (and whatever it trims next) read as
 * well as the old ones; an event without an id or a valid {@code created_at} cannot be
 * stored and is skipped. Every field taken is bounded by GitHub's own limits
 * ({@link GitHubNames}: a login has at most 39 characters, a repository name at most
 * 100), and an event that breaks one is dropped and counted, so no input can make an
 * outsized Redis key or member. JSON that is not JSON at all raises
 * {@link MalformedEventsException}.
 * <p>
 * It reads with a streaming parser rather than by binding to records: binding fails a
 * whole page when one field of one event has an unexpected shape (an object where a
 * string was), while this keeps every other event; and a payload it does not need is
 * skipped token by token without building anything.
 */
public final class GitHubEventCodec {

	private static final JsonFactory JSON = JsonFactory.builder().build();

	private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

	private static final Pattern EVENT_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

	/** The suffix of the login of an App's bot, such as {@code dependabot[bot]}. */
	private static final String BOT = "[bot]";

	/** A payload's action, such as {@code opened}: short lower-case words. */
	private static final Pattern ACTION = Pattern.compile("[a-z_]{1,32}");

	private GitHubEventCodec() {
	}

	/**
	 * Reads a JSON array of events, as {@code GET /events} returns.
	 * @param json the response body
	 * @return the events that could be read, in the order given, and how many were
	 * dropped
	 * @throws MalformedEventsException if the body is not a JSON array
	 */
	public static DecodedEvents readArray(byte[] json) {
		List<GitHubEvent> events = new ArrayList<>();
		int dropped = 0;
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				throw new MalformedEventsException("Expected a JSON array of events");
			}
			JsonToken token;
			while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
				if (token == null) {
					throw new MalformedEventsException("The JSON array of events ends early");
				}
				Optional<GitHubEvent> event = readValue(parser);
				if (event.isPresent()) {
					events.add(event.get());
				}
				else {
					dropped++;
				}
			}
			return new DecodedEvents(events, dropped);
		}
		catch (JacksonException ex) {
			throw new MalformedEventsException("Events are not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Reads one event from a JSON object.
	 * @param json the object
	 * @return the event, or empty when it lacks an id or a valid {@code created_at}, or
	 * breaks a bound
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

	/**
	 * The events read from one body.
	 *
	 * @param events the events that can be stored, in the order given
	 * @param dropped the entries that could not be: no id or time, or a field beyond
	 * GitHub's bounds
	 */
	public record DecodedEvents(List<GitHubEvent> events, int dropped) {

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
			if (!matches(EVENT_ID, this.id) || created == null || breaksBounds()) {
				return Optional.empty();
			}
			String eventType = matches(TYPE_NAME, this.type) ? this.type : GitHubEvent.UNKNOWN_TYPE;
			return Optional.of(new GitHubEvent(this.id, eventType, parseLong(this.repoId), repositoryName(),
					blankToNull(this.actor), created, blankToNull(this.action)));
		}

		/**
		 * A present field that GitHub could not have sent (by the rules of
		 * {@link GitHubNames}, which the API looks names up by): the event is not
		 * GitHub's.
		 */
		private boolean breaksBounds() {
			return repositoryName() != null && !GitHubNames.isFullName(this.repoName)
					|| isPresent(this.actor) && !isActor(this.actor)
					|| isPresent(this.action) && !matches(ACTION, this.action);
		}

		private static boolean isActor(String login) {
			return GitHubNames.isLogin(login.endsWith(BOT) ? login.substring(0, login.length() - BOT.length()) : login);
		}

		/**
		 * The repository's {@code owner/name}; old events of deleted repositories say
		 * {@code "/"}, which names none.
		 */
		private String repositoryName() {
			return (isPresent(this.repoName) && !"/".equals(this.repoName.trim())) ? this.repoName : null;
		}

		private static boolean isPresent(String value) {
			return value != null && !value.isBlank();
		}

		private static boolean matches(Pattern pattern, String value) {
			// The length check first: a huge value is refused without running the
			// pattern.
			return value != null && value.length() <= 256 && pattern.matcher(value).matches();
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
