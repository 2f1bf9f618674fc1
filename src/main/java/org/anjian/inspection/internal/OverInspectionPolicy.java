package org.anjian.inspection.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.anjian.shared.Allowance;
import org.springframework.stereotype.Component;

/**
 * Against over-inspection (避免重复检查、多头检查): an enterprise should not be inspected more than once a day, twice
 * a week or three times a month, counting the inspections of every enforcement body; and the same officer should not
 * come a third time within a year after two inspections that found nothing unless there is a reason. The first rule
 * warns; the second asks for the reason. A pure rule over the counts its caller loads ({@link InspectionHistory}).
 */
@Component
public class OverInspectionPolicy {

	static final int PER_DAY = 1, PER_WEEK = 2, PER_MONTH = 3;

	/** Inspections without a finding after which the same officer needs a reason to come again within the year. */
	static final int CLEAN_VISITS = 2;

	/** The days whose inspections the frequency rule counts: the day itself, its week (Monday to Sunday), its month. */
	public record Windows(LocalDate day, LocalDate weekFrom, LocalDate weekTo, LocalDate monthFrom, LocalDate monthTo) {
	}

	/** How many other inspections of the enterprise, by every body, fall on the day, in its week and in its month. */
	public record Visits(LocalDate day, int sameDay, int sameWeek, int sameMonth) {
	}

	/** What the frequency rule says of each window; a refused one is a warning to read before going, not a bar. */
	public record Frequency(Allowance day, Allowance week, Allowance month) {

		public List<String> warnings() {
			return Stream.of(day, week, month).filter(Allowance::refused).map(Allowance::reason).toList();
		}
	}

	public Windows windows(LocalDate day) {
		return new Windows(day, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
				day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)), day.withDayOfMonth(1),
				day.with(TemporalAdjusters.lastDayOfMonth()));
	}

	public Frequency frequency(Visits visits) {
		return new Frequency(
				visits.sameDay() >= PER_DAY ? Allowance.refused("该企业 " + visits.day() + " 当天已有 " + visits.sameDay()
						+ " 次检查（各执法主体合计），同一天不宜再次检查") : Allowance.granted(),
				visits.sameWeek() >= PER_WEEK ? Allowance.refused("该企业本周已有 " + visits.sameWeek()
						+ " 次检查（各执法主体合计），每周不宜超过 " + PER_WEEK + " 次") : Allowance.granted(),
				visits.sameMonth() >= PER_MONTH ? Allowance.refused("该企业本月已有 " + visits.sameMonth()
						+ " 次检查（各执法主体合计），每月不宜超过 " + PER_MONTH + " 次") : Allowance.granted());
	}

	/** The first day of the year before {@code day} in which earlier inspections without a finding count. */
	public LocalDate cleanVisitsSince(LocalDate day) {
		return day.minusYears(1);
	}

	/**
	 * Whether one of the officers, by the finished inspections of the enterprise without a finding each of them made
	 * in the past year, would come a third time.
	 */
	public boolean repeating(Map<Long, Integer> cleanVisitsByOfficer) {
		return cleanVisitsByOfficer.values().stream().anyMatch(n -> n >= CLEAN_VISITS);
	}

	/** A third visit after two without a finding needs its reason; any other visit needs none. */
	public Allowance thirdVisit(Map<Long, Integer> cleanVisitsByOfficer, String reason) {
		if (repeating(cleanVisitsByOfficer) && (reason == null || reason.isBlank())) {
			return Allowance.refused("执法人员一年内已两次检查该企业且均未发现问题，第三次检查须写明理由");
		}
		return Allowance.granted();
	}
}
