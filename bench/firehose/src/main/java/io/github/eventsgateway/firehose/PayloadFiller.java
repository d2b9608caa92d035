package io.github.eventsgateway.firehose;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import io.github.eventsgateway.firehose.EventTemplates.Named;
import io.github.eventsgateway.firehose.EventTemplates.Template;
import io.github.eventsgateway.firehose.PayloadTemplate.Hole;

/**
 * Fills a trimmed payload's holes so that events hang together: a pull request is opened
 * with the next number of its repository and later events of the repository name one of
 * its recent numbers, a pull request's id follows from its repository and number, push
 * ids grow, commit shas are random.
 */
final class PayloadFiller {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private final SplittableRandom random;

	private final Map<Long, Integer> pullRequestsByRepository = new HashMap<>();

	private final Map<Long, Integer> discussionsByRepository = new HashMap<>();

	private long lastPushId = 21_933_261_366L;

	private long lastDiscussionId = 7_812_000L;

	private final CreatedAtText createdAtText;

	PayloadFiller(SplittableRandom random, CreatedAtText createdAtText) {
		this.random = random;
		this.createdAtText = createdAtText;
	}

	/**
	 * Appends a template's payload for one event.
	 * @param json where to append
	 * @param template the template
	 * @param repository the event's repository
	 * @param createdAt the event's created_at
	 */
	void append(StringBuilder json, Template template, Named repository, Instant createdAt) {
		PayloadTemplate payload = template.payload();
		if (!payload.hasHoles()) {
			payload.appendTo(json, null);
			return;
		}
		String[] values = new String[Hole.values().length];
		payload.appendTo(json, (hole) -> {
			if (values[hole.ordinal()] == null) {
				values[hole.ordinal()] = value(hole, template, repository, createdAt, values);
			}
			return values[hole.ordinal()];
		});
	}

	private String value(Hole hole, Template template, Named repository, Instant createdAt, String[] values) {
		return switch (hole) {
			case REPO_ID -> Long.toString(repository.id());
			case REPO_NAME -> repository.name();
			case CREATED_AT -> this.createdAtText.of(createdAt);
			case PUSH_ID -> Long.toString(++this.lastPushId);
			case PULL_REQUEST_NUMBER -> Integer.toString(number(values, template, repository));
			case PULL_REQUEST_ID -> Long.toString(pullRequestId(repository, number(values, template, repository)));
			case DISCUSSION_NUMBER ->
				Integer.toString(this.discussionsByRepository.merge(repository.id(), 1, Integer::sum));
			case DISCUSSION_ID -> Long.toString(++this.lastDiscussionId);
			case SHA_HEAD, SHA_BEFORE, SHA_BASE -> sha();
		};
	}

	private int number(String[] values, Template template, Named repository) {
		int slot = Hole.PULL_REQUEST_NUMBER.ordinal();
		if (values[slot] == null) {
			values[slot] = Integer.toString(pullRequestNumber(repository, template.action()));
		}
		return Integer.parseInt(values[slot]);
	}

	/**
	 * An opened pull request takes its repository's next number; any other action names
	 * one of the repository's 20 newest.
	 */
	private int pullRequestNumber(Named repository, String action) {
		// repositories had pull requests before the stand-in started
		int newest = this.pullRequestsByRepository.computeIfAbsent(repository.id(),
				(id) -> 1 + (int) Math.floorMod(id, 200L));
		if ("opened".equals(action)) {
			this.pullRequestsByRepository.put(repository.id(), newest + 1);
			return newest + 1;
		}
		return Math.max(1, newest - this.random.nextInt(Math.min(newest, 20)));
	}

	private static long pullRequestId(Named repository, int number) {
		return 1_000_000_000L + Math.floorMod(repository.id() * 7_919L + number * 104_729L, 1_500_000_000L);
	}

	private String sha() {
		char[] sha = new char[40];
		long bits = 0;
		for (int i = 0; i < sha.length; i++) {
			if (i % 16 == 0) {
				bits = this.random.nextLong();
			}
			sha[i] = HEX[(int) (bits & 0xF)];
			bits >>>= 4;
		}
		return new String(sha);
	}

}
