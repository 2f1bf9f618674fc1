package org.anjian.shared.work;

import java.time.Instant;

/**
 * One run of a long piece of work, as its page shows it: what, how far and at which stage, and how it ended; whether
 * it kept a result (an import's report or its bad rows, read with {@link BackgroundWork#result(long)}).
 */
public record Work(long id, String kind, String subject, String label, WorkStatus status, int done, Integer total,
		String stage, String message, boolean hasResult, Instant startedAt, Instant finishedAt) {

	public boolean running() {
		return status == WorkStatus.RUNNING;
	}

	/** Percent done, when the total is known; null while the work cannot say. */
	public Integer percent() {
		if (total == null || total == 0) {
			return status == WorkStatus.DONE ? 100 : null;
		}
		return (int) Math.min(100, Math.round(100.0 * done / total));
	}
}
