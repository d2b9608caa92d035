package io.github.eventsgateway.system.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * A Dockerfile as its instructions, each with the build stage it belongs to (lines
 * continued with a backslash joined, comments left out).
 */
final class Dockerfile {

	private final List<Instruction> instructions = new ArrayList<>();

	private Dockerfile(List<String> lines) {
		int stage = -1;
		StringBuilder current = new StringBuilder();
		for (String line : lines) {
			String trimmed = line.trim();
			if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				current.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			current.append(trimmed);
			String[] parts = current.toString().split("\\s+", 2);
			String keyword = parts[0].toUpperCase();
			if (keyword.equals("FROM")) {
				stage++;
			}
			this.instructions.add(new Instruction(stage, keyword, (parts.length > 1) ? parts[1].trim() : ""));
			current.setLength(0);
		}
	}

	static Dockerfile load(String relative) {
		return new Dockerfile(RepositoryFiles.read(relative).lines().toList());
	}

	List<Instruction> all(String keyword) {
		return this.instructions.stream().filter((instruction) -> instruction.keyword().equals(keyword)).toList();
	}

	/** The instructions of the last stage: what the image runs. */
	List<Instruction> finalStage(String keyword) {
		int last = this.instructions.get(this.instructions.size() - 1).stage();
		return all(keyword).stream().filter((instruction) -> instruction.stage() == last).toList();
	}

	record Instruction(int stage, String keyword, String arguments) {

	}

}
