package org.anjian.shared.command;

import java.util.List;

/**
 * A sub-command of {@code java -jar anjian.jar NAME args...} (data generation, benchmarks, operations). Modules
 * contribute commands as beans; the application then starts without a web server, runs the one named, and
 * exits with the code it returns.
 */
public interface ApplicationCommand {

	/** The word typed after {@code anjian.jar}. */
	String name();

	/** One line for the list of commands. */
	String description();

	/** Runs the command; returns the process exit code (0 = success). */
	int run(List<String> arguments) throws Exception;
}
