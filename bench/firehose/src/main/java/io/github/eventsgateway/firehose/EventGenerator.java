package io.github.eventsgateway.firehose;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import io.github.eventsgateway.firehose.EventTemplates.Named;
import io.github.eventsgateway.firehose.EventTemplates.Template;

/**
 * Makes up events with the real type mix and payload shapes. The same seed gives the same
 * events in the same order, whatever the clock says; ids grow by 1 to 3 like GitHub's
 * (within each id family), and a few repositories get most of the activity, so that some
 * open several pull requests.
 */
final class EventGenerator {

	/** Where ids start: about where GitHub's were on 2025-01-01. */
	static final long FIRST_ID = 45_193_146_633L;

	private final EventTemplates templates;

	private final SplittableRandom random;

	private final IdFamilies ids;

	private final PayloadFiller payloads;

	private final CreatedAtText createdAtText = new CreatedAtText();

	/** The classic generator: one id family, payloads as recorded. */
	EventGenerator(EventTemplates templates, long seed) {
		this(templates, new SplittableRandom(seed), IdFamilies.single(FIRST_ID));
	}

	/**
	 * A generator that draws its ids from families it may share with other generators.
	 * @param templates the types and payloads to pick from
	 * @param random its dice
	 * @param ids where its ids come from
	 */
	EventGenerator(EventTemplates templates, SplittableRandom random, IdFamilies ids) {
		this.templates = templates;
		this.random = random;
		this.ids = ids;
		// the same dice: recorded payloads have no holes and draw nothing, so the classic
		// feed's events stay what they were for a seed
		this.payloads = new PayloadFiller(random, this.createdAtText);
	}

	GeneratedEvent next(Instant createdAt) {
		long id = this.ids.next(this.random);
		Template template = this.templates.template(this.random.nextInt(this.templates.totalWeight()));
		Named repository = skewedPick(this.templates.repositories());
		Named actor = this.templates.actors().get(this.random.nextInt(this.templates.actors().size()));
		return new GeneratedEvent(id, template.type(), createdAt, json(id, template, repository, actor, createdAt));
	}

	/** Cubing a uniform number favours the first entries: a few busy repositories. */
	private Named skewedPick(List<Named> names) {
		double uniform = this.random.nextDouble();
		return names.get((int) (uniform * uniform * uniform * names.size()));
	}

	private String json(long id, Template template, Named repository, Named actor, Instant createdAt) {
		StringBuilder json = new StringBuilder(256 + template.payload().length());
		json.append("{\"id\":\"").append(id).append("\",\"type\":\"").append(template.type()).append('"');
		json.append(",\"actor\":{\"id\":").append(actor.id()).append(",\"login\":\"").append(actor.name());
		json.append("\",\"display_login\":\"").append(actor.name()).append("\",\"gravatar_id\":\"\"");
		json.append(",\"url\":\"https://api.github.com/users/").append(actor.name());
		json.append("\",\"avatar_url\":\"https://avatars.githubusercontent.com/u/").append(actor.id()).append("?\"}");
		json.append(",\"repo\":{\"id\":").append(repository.id()).append(",\"name\":\"").append(repository.name());
		json.append("\",\"url\":\"https://api.github.com/repos/").append(repository.name()).append("\"}");
		json.append(",\"payload\":");
		this.payloads.append(json, template, repository, createdAt);
		json.append(",\"public\":true,\"created_at\":\"").append(this.createdAtText.of(createdAt));
		json.append("\"}");
		return json.toString();
	}

}
