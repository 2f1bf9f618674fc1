package org.anjian.inspection;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Against over-inspection (避免重复检查、多头检查): an enterprise should not be inspected more than once a day, twice
 * a week or three times a month, counting the inspections of every enforcement body, and the same officer should
 * not come a third time within a year after two inspections that found nothing unless there is a reason. The first
 * rule warns; the second asks for the reason.
 */
@Component
public class OverInspectionPolicy {

	static final int PER_DAY = 1, PER_WEEK = 2, PER_MONTH = 3;

	private final JdbcClient jdbc;

	OverInspectionPolicy(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What the rule says of an inspection on a day: nothing, or warnings to read before going. */
	public record Check(List<String> warnings) {

		public boolean clear() {
			return warnings.isEmpty();
		}
	}

	/** The warnings for an inspection of the enterprise on the day, other than the task itself. */
	public Check check(String uscc, LocalDate day, Long except) {
		List<String> warnings = new ArrayList<>();
		if (day == null) {
			return new Check(warnings);
		}
		int sameDay = count(uscc, day, day, except);
		int week = count(uscc, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
				day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)), except);
		int month = count(uscc, day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()), except);
		if (sameDay >= PER_DAY) {
			warnings.add("该企业 " + day + " 当天已有 " + sameDay + " 次检查（各执法主体合计），同一天不宜再次检查");
		}
		if (week >= PER_WEEK) {
			warnings.add("该企业本周已有 " + week + " 次检查（各执法主体合计），每周不宜超过 " + PER_WEEK + " 次");
		}
		if (month >= PER_MONTH) {
			warnings.add("该企业本月已有 " + month + " 次检查（各执法主体合计），每月不宜超过 " + PER_MONTH + " 次");
		}
		return new Check(warnings);
	}

	/**
	 * The officers who inspected the enterprise twice in the year before the day with no finding: a third
	 * inspection by them needs a reason.
	 */
	public List<Long> repeatOfficers(String uscc, LocalDate day, List<Long> officers) {
		return jdbc.sql("""
				select o.id from unnest(cast(:officers as bigint[])) as o(id)
				where (select count(*) from inspection_task t
				       where t.uscc = :uscc and t.status = 'FINISHED' and o.id in (t.lead_officer_id, t.second_officer_id)
				         and t.finished_at >= cast(:from as date) and t.finished_at < cast(:to as date) + 1
				         and not exists (select 1 from hazard h where h.task_id = t.id)) >= 2""")
			.param("officers", officers.toArray(Long[]::new)).param("uscc", uscc)
			.param("from", day.minusYears(1)).param("to", day)
			.query(Long.class).list();
	}

	private int count(String uscc, LocalDate from, LocalDate to, Long except) {
		return jdbc.sql("select anjian_inspections_of(:uscc, :from, :to, :except)").param("uscc", uscc)
			.param("from", from).param("to", to).param("except", except).query(Integer.class).single();
	}
}
