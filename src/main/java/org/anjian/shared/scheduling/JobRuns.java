package org.anjian.shared.scheduling;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.Supplier;

import org.anjian.shared.database.SystemScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a row per run of a scheduled job in {@code job_run}: which instance ran it, when, and what it did, so
 * that operations can see the job is alive and the cluster test can see no two runs overlapped.
 */
@Component
public class JobRuns {

	private final JdbcClient jdbc;
	private final Clock clock;

	JobRuns(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Runs the job's work as the system and records the run; the work returns a short account of what it did. */
	public String run(String job, String instance, Supplier<String> work) {
		return SystemScope.call("job:" + job, () -> {
			long id = jdbc.sql("insert into job_run (job, instance, started_at) values (:job, :instance, :at) returning id")
				.param("job", job).param("instance", instance).param("at", Timestamp.from(clock.instant()))
				.query(Long.class).single();
			String outcome;
			try {
				outcome = work.get();
			}
			catch (RuntimeException e) {
				finish(id, "失败：" + e.getMessage());
				throw e;
			}
			finish(id, outcome);
			return outcome;
		});
	}

	private void finish(long id, String outcome) {
		jdbc.sql("update job_run set finished_at = :at, outcome = :outcome where id = :id")
			.param("at", Timestamp.from(clock.instant())).param("outcome", outcome).param("id", id).update();
	}
}
