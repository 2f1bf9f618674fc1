package org.anjian.inspection.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the over-inspection rule ({@link OverInspectionPolicy}) is decided on, loaded from the inspection records: how
 * many inspections an enterprise has in a window, by every body, and how many finished inspections without a failed
 * item each officer made of it.
 */
@Component
public class InspectionHistory {

	private final OverInspectionPolicy policy;
	private final JdbcClient jdbc;

	InspectionHistory(OverInspectionPolicy policy, JdbcClient jdbc) {
		this.policy = policy;
		this.jdbc = jdbc;
	}

	/** The other inspections of the enterprise (not the task {@code except}) on the day, in its week and its month. */
	public OverInspectionPolicy.Visits visits(String uscc, LocalDate day, Long except) {
		OverInspectionPolicy.Windows windows = policy.windows(day);
		return new OverInspectionPolicy.Visits(day, count(uscc, day, day, except),
				count(uscc, windows.weekFrom(), windows.weekTo(), except),
				count(uscc, windows.monthFrom(), windows.monthTo(), except));
	}

	/**
	 * For each officer, the finished inspections of the enterprise they made (as lead or second) from {@code from} up
	 * to {@code to} in which no item failed.
	 */
	public Map<Long, Integer> cleanVisits(String uscc, LocalDate from, LocalDate to, List<Long> officers) {
		Map<Long, Integer> visits = new HashMap<>();
		jdbc.sql("""
				select o.id, (select count(*) from inspection_task t
				              where t.uscc = :uscc and t.status = 'FINISHED' and o.id in (t.lead_officer_id, t.second_officer_id)
				                and t.finished_at >= cast(:from as date) and t.finished_at < cast(:to as date) + 1
				                and not exists (select 1 from inspection_result r where r.task_id = t.id and r.outcome = 'FAIL'))
				from unnest(cast(:officers as bigint[])) as o(id)""")
			.param("officers", officers.toArray(Long[]::new)).param("uscc", uscc).param("from", from).param("to", to)
			.query(rs -> {
				visits.put(rs.getLong(1), rs.getInt(2));
			});
		return visits;
	}

	private int count(String uscc, LocalDate from, LocalDate to, Long except) {
		return jdbc.sql("select anjian_inspections_of(:uscc, :from, :to, :except)").param("uscc", uscc)
			.param("from", from).param("to", to).param("except", except).query(Integer.class).single();
	}
}
