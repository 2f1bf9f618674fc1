package org.anjian.shared.command;

import java.util.List;

/**
 * A part of {@code generate} contributed by a module (enterprises, then their history of facts, later plans and
 * inspections): it names the options it takes and runs when one of them is given.
 */
public interface GenerationStep {

	/** The options of this step, without the leading {@code --}. */
	List<String> options();

	/** Runs the step; {@code seed} is the command's seed. Prints what it did. */
	void run(CommandOptions options, long seed) throws Exception;
}
