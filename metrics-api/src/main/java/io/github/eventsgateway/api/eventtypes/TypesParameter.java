package io.github.eventsgateway.api.eventtypes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.eventsgateway.api.problem.InvalidParameterException;
import io.github.eventsgateway.api.problem.UserInput;

/**
 * Reads the {@code types} query parameter: a comma-separated list of event type names,
 * checked for their form only; {@link EventTypeResolver} then says which types they name.
 */
public final class TypesParameter {

	/** What the parameter is, for the OpenAPI description of every endpoint taking it. */
	public static final String DESCRIPTION = "Comma-separated event types (at most 50), such as WatchEvent or"
			+ " watchevent: GitHub's documented types in any case, or any type ever stored; every type when left"
			+ " out. Answered under GitHub's spelling; an unknown name is a 400 listing the valid ones.";

	/** The most types one request may name. */
	public static final int MAX_TYPES = 50;

	/** The form the store gives type names (see event-store's codec). */
	private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

	private TypesParameter() {
	}

	/**
	 * Splits and checks the parameter.
	 * @param types the parameter, or {@code null} when it was left out
	 * @return the names in the order given, each once (as spelled first), or empty when
	 * the parameter was left out
	 * @throws InvalidParameterException when a name is malformed, there are too many, or
	 * none
	 */
	public static List<String> parse(String types) {
		if (types == null) {
			return List.of();
		}
		Set<String> names = new LinkedHashSet<>();
		for (String name : types.split(",", -1)) {
			String trimmed = name.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			if (!TYPE_NAME.matcher(trimmed).matches()) {
				throw new InvalidParameterException("types",
						"types must be a comma-separated list of event type names (a letter, then letters, digits"
								+ " or '_', at most 64), such as types=WatchEvent,IssuesEvent; got "
								+ UserInput.quote(trimmed) + ".");
			}
			names.add(trimmed);
			if (names.size() > MAX_TYPES) {
				throw new InvalidParameterException("types",
						"types may list at most " + MAX_TYPES + " event types; leave it out to count every type.");
			}
		}
		if (names.isEmpty()) {
			throw new InvalidParameterException("types",
					"types, when given, must name at least one event type, such as types=WatchEvent;"
							+ " leave it out to count every type.");
		}
		return new ArrayList<>(names);
	}

}
