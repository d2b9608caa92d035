package io.github.eventsgateway.firehose;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

import io.github.eventsgateway.firehose.EventTemplates.Named;
import io.github.eventsgateway.firehose.EventTemplates.Template;

/**
 * Makes up events with the real type mix and payload shapes. The same seed gives the same
 * events in the same order, whatever the clock says; ids grow by 1 to 3 like GitHub's,
 * and a few repositories get most of the activity, so that some open several pull
 * requests.
 */
final class EventGenerator {

	/** Where ids start: about where GitHub's were on 2025-01-01. */
	static final long FIRST_ID = 45_193_146_633L;

	private final EventTemplates templates;

	private final SplittableRandom random;

	private long lastId = FIRST_ID;

	EventGenerator(EventTemplates templates, long seed) {
		this.templates = templates;
		this.random = new SplittableRandom(seed);
	}

	GeneratedEvent next(Instant createdAt) {
		this.lastId += 1 + this.random.nextInt(3);
		Template template = this.templates.template(this.random.nextInt(this.templates.totalWeight()));
		Named repository = skewedPick(this.templates.repositories());
		Named actor = this.templates.actors().get(this.random.nextInt(this.templates.actors().size()));
		String json = json(this.lastId, template, repository, actor, createdAt);
		return new GeneratedEvent(this.lastId, template.type(), createdAt, json);
	}

	/** Cubing a uniform number favours the first entries: a few busy repositories. */
	private Named skewedPick(List<Named> names) {
		double uniform = this.random.nextDouble();
		return names.get((int) (uniform * uniform * uniform * names.size()));
	}

	private static String json(long id, Template template, Named repository, Named actor, Instant createdAt) {
		StringBuilder json = new StringBuilder(256 + template.payload().length());
		json.append("{\"id\":\"").append(id).append("\",\"type\":\"").append(template.type()).append('"');
		json.append(",\"actor\":{\"id\":").append(actor.id()).append(",\"login\":\"").append(actor.name());
		json.append("\",\"display_login\":\"").append(actor.name()).append("\",\"gravatar_id\":\"\"");
		json.append(",\"url\":\"https://api.github.com/users/").append(actor.name());
		json.append("\",\"avatar_url\":\"https://avatars.githubusercontent.com/u/").append(actor.id()).append("?\"}");
		json.append(",\"repo\":{\"id\":").append(repository.id()).append(",\"name\":\"").append(repository.name());
		json.append("\",\"url\":\"https://api.github.com/repos/").append(repository.name()).append("\"}");
		json.append(",\"payload\":").append(template.payload());
		json.append(",\"public\":true,\"created_at\":\"").append(createdAt.truncatedTo(ChronoUnit.SECONDS));
		json.append("\"}");
		return json.toString();
	}

}
