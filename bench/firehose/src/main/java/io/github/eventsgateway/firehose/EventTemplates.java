package io.github.eventsgateway.firehose;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The real shapes the generator fills in: one payload per event type (and per pull
 * request action) with the type mix, repositories and actors of an hour of GH Archive.
 * {@link #load()} gives the payloads as recorded (the classic feed), {@link #trimmed()}
 * the payloads as GitHub has trimmed them since October 2025 (the split feed).
 */
final class EventTemplates {

	private final List<Template> templates;

	private final int totalWeight;

	private final List<Named> repositories;

	private final List<Named> actors;

	private EventTemplates(List<Template> templates, List<Named> repositories, List<Named> actors) {
		this.templates = templates;
		this.totalWeight = templates.stream().mapToInt(Template::weight).sum();
		this.repositories = repositories;
		this.actors = actors;
	}

	/** The payloads as recorded in GH Archive 2025-01-01 (and GHES). */
	static EventTemplates load() {
		return new EventTemplates(read("event-templates.tsv", (columns) -> template(columns, false)),
				read("repositories.tsv", EventTemplates::named), read("actors.tsv", EventTemplates::named));
	}

	/**
	 * The payloads as served since October 2025: PushEvent without commits, a
	 * PullRequestEvent's pull request reduced to ids, refs and urls, the new actions and
	 * DiscussionEvent (written by
	 * {@code bench/firehose/scripts/trim-templates-2025-10.py}).
	 */
	static EventTemplates trimmed() {
		return new EventTemplates(read("event-templates-2025-10.tsv", (columns) -> template(columns, true)),
				read("repositories.tsv", EventTemplates::named), read("actors.tsv", EventTemplates::named));
	}

	/**
	 * The templates of some types only, with the same repositories and actors.
	 * @param types which types to keep
	 * @return the narrower templates
	 */
	EventTemplates only(Predicate<String> types) {
		List<Template> kept = this.templates.stream().filter((template) -> types.test(template.type())).toList();
		if (kept.isEmpty()) {
			throw new IllegalArgumentException("No template left");
		}
		return new EventTemplates(kept, this.repositories, this.actors);
	}

	/** The event types, each once. */
	List<String> types() {
		return this.templates.stream().map(Template::type).distinct().toList();
	}

	/**
	 * Picks a template with the probability of its type in the real feed.
	 * @param dice a number in {@code [0, totalWeight)}
	 * @return the template
	 */
	Template template(int dice) {
		int remaining = dice;
		for (Template template : this.templates) {
			remaining -= template.weight();
			if (remaining < 0) {
				return template;
			}
		}
		return this.templates.get(this.templates.size() - 1);
	}

	int totalWeight() {
		return this.totalWeight;
	}

	List<Named> repositories() {
		return this.repositories;
	}

	List<Named> actors() {
		return this.actors;
	}

	private static Template template(String[] columns, boolean withHoles) {
		PayloadTemplate payload = withHoles ? PayloadTemplate.withHoles(columns[3])
				: PayloadTemplate.literal(columns[3]);
		return new Template(columns[0], columns[1].isEmpty() ? null : columns[1], Integer.parseInt(columns[2]),
				payload);
	}

	private static Named named(String[] columns) {
		return new Named(Long.parseLong(columns[0]), columns[1]);
	}

	private static <T> List<T> read(String resource, Function<String[], T> parser) {
		List<T> rows = new ArrayList<>();
		try (InputStream in = EventTemplates.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					rows.add(parser.apply(line.split("\t", -1)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.copyOf(rows);
	}

	/**
	 * A real payload of one event type.
	 *
	 * @param type the event type
	 * @param action the pull request action it stands for, or {@code null}
	 * @param weight how many events of this kind the sample hour held
	 * @param payload the payload, compact JSON, with holes in the trimmed templates
	 */
	record Template(String type, String action, int weight, PayloadTemplate payload) {

	}

	/**
	 * A repository or an actor.
	 *
	 * @param id its id
	 * @param name its {@code owner/name} or login
	 */
	record Named(long id, String name) {

	}

}
