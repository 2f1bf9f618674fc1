package org.anjian.shared.work;

/** What a running piece of work tells its page: how many steps of how many are done. */
public interface Progress {

	void step(int done, Integer total);

	/** A work that cannot count its steps only says it is alive. */
	Progress NONE = (done, total) -> {
	};
}
