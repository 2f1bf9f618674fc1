package org.anjian.shared.work;

/**
 * What a running piece of work tells its page: how many steps of how many are done, what it is doing now, and what
 * it produced beyond the sentence it ends with (kept with the run, e.g. an import's report).
 */
public interface Progress {

	/** Steps done of the total (null while the work cannot count them). */
	void step(int done, Integer total);

	/** What the work is doing now, in a few words the page shows under the progress bar. */
	default void stage(String what) {
	}

	/** Steps done and what the work is doing now. */
	default void step(int done, Integer total, String what) {
		stage(what);
		step(done, total);
	}

	/** Keeps a result with the run (as JSON), for its page and the API once it has ended. */
	default void keep(Object result) {
	}

	/** For work run outside a background run (a command, a test): nobody watches. */
	Progress NONE = (done, total) -> {
	};
}
