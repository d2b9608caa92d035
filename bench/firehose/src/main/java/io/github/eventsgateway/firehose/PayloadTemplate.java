package io.github.eventsgateway.firehose;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recorded payload, compact JSON, with {@code ${...}} holes the generator fills in per
 * event (the 2025 templates name the event's repository, pull request and commits).
 * Parsed once, so that filling it is a run of appends.
 */
final class PayloadTemplate {

	private static final Pattern HOLE = Pattern.compile("\\$\\{([a-z_.]+)}");

	private final String text;

	private final String[] literals;

	private final Hole[] holes;

	private PayloadTemplate(String text, String[] literals, Hole[] holes) {
		this.text = text;
		this.literals = literals;
		this.holes = holes;
	}

	/** A payload taken as it is, whatever it holds. */
	static PayloadTemplate literal(String json) {
		return new PayloadTemplate(json, new String[] { json }, new Hole[0]);
	}

	/**
	 * A payload whose {@code ${name}} marks are holes.
	 * @param json the payload with its holes
	 * @return the template
	 * @throws IllegalArgumentException for a hole that is not a {@link Hole}
	 */
	static PayloadTemplate withHoles(String json) {
		List<String> literals = new ArrayList<>();
		List<Hole> holes = new ArrayList<>();
		Matcher matcher = HOLE.matcher(json);
		int from = 0;
		while (matcher.find()) {
			literals.add(json.substring(from, matcher.start()));
			holes.add(Hole.named(matcher.group(1)));
			from = matcher.end();
		}
		literals.add(json.substring(from));
		return new PayloadTemplate(json, literals.toArray(String[]::new), holes.toArray(Hole[]::new));
	}

	boolean hasHoles() {
		return this.holes.length > 0;
	}

	int length() {
		return this.text.length();
	}

	/**
	 * Appends the payload with its holes filled.
	 * @param json where to append
	 * @param values what each hole holds (asked once per hole, in order)
	 */
	void appendTo(StringBuilder json, Function<Hole, String> values) {
		for (int i = 0; i < this.holes.length; i++) {
			json.append(this.literals[i]).append(values.apply(this.holes[i]));
		}
		json.append(this.literals[this.holes.length]);
	}

	@Override
	public String toString() {
		return this.text;
	}

	/** What a payload may leave to the generator. */
	enum Hole {

		REPO_ID("repo.id"), REPO_NAME("repo.name"), CREATED_AT("created_at"), PUSH_ID("push.id"),
		PULL_REQUEST_NUMBER("pr.number"), PULL_REQUEST_ID("pr.id"), DISCUSSION_NUMBER("discussion.number"),
		DISCUSSION_ID("discussion.id"), SHA_HEAD("sha.head"), SHA_BEFORE("sha.before"), SHA_BASE("sha.base");

		private final String key;

		Hole(String key) {
			this.key = key;
		}

		static Hole named(String key) {
			for (Hole hole : values()) {
				if (hole.key.equals(key)) {
					return hole;
				}
			}
			throw new IllegalArgumentException("Unknown payload hole ${" + key + "}");
		}

	}

}
