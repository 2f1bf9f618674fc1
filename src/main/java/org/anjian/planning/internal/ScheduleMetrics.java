package org.anjian.planning.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anjian.planning.internal.ScheduleProblem.Assignment;
import org.anjian.planning.internal.ScheduleProblem.Inspection;
import org.anjian.planning.internal.ScheduleProblem.Inspector;
import org.anjian.planning.internal.ScheduleProblem.Position;

/**
 * The figures of a schedule, computed from the schedule alone (not from any solver's score), so that the greedy
 * baseline and the solver are judged by the same rules: hard-rule violations by rule, inspections per officer,
 * and kilometres. An officer-day's route starts at the office, visits the day's enterprises nearest first and
 * returns; the total is summed over officers, so two officers travelling together count twice.
 */
public record ScheduleMetrics(int inspections, int unscheduled, Map<String, Integer> violations, int minLoad,
		int maxLoad, double km, int outsideCampaign, int[] byMonth) {

	public int hardViolations() {
		return violations.values().stream().mapToInt(Integer::intValue).sum();
	}

	public static ScheduleMetrics of(ScheduleProblem problem, Map<Long, Assignment> schedule) {
		Map<String, Integer> violations = new LinkedHashMap<>();
		for (String rule : List.of("不在工作日", "人员缺勤", "非主办人带队", "同一人员重复", "人员不属于本主体", "超过每日检查户数",
				"超过每月可用天数", "轮换（上年检查过）", "回避", "同一企业两次检查间隔不足")) {
			violations.put(rule, 0);
		}
		Map<Long, Inspector> inspectors = new HashMap<>();
		problem.inspectors().forEach(i -> inspectors.put(i.id(), i));
		Map<Long, Map<LocalDate, List<Position>>> routes = new HashMap<>();
		Map<Long, Integer> load = new HashMap<>();
		Map<String, List<LocalDate>> byEnterprise = new HashMap<>();
		int unscheduled = 0;
		int outside = 0;
		int[] byMonth = new int[13];
		for (Inspection inspection : problem.inspections()) {
			Assignment a = schedule.get(inspection.itemId());
			if (a == null) {
				unscheduled++;
				continue;
			}
			byMonth[a.day().getMonthValue()]++;
			if (a.day().getYear() != problem.year() || !problem.calendar().isWorkingDay(a.day())) {
				violations.merge("不在工作日", 1, Integer::sum);
			}
			if (!inspection.inPeriod(a.day().getMonthValue())) {
				outside++;
			}
			Inspector lead = inspectors.get(a.lead());
			if (lead != null && !lead.lead()) {
				violations.merge("非主办人带队", 1, Integer::sum);
			}
			if (a.lead() == a.second()) {
				violations.merge("同一人员重复", 1, Integer::sum);
			}
			for (long officer : new long[] { a.lead(), a.second() }) {
				Inspector inspector = inspectors.get(officer);
				if (inspector == null) {
					violations.merge("人员不属于本主体", 1, Integer::sum);
					continue;
				}
				if (!inspector.availableOn(a.day())) {
					violations.merge("人员缺勤", 1, Integer::sum);
				}
				if (inspection.rotation().contains(officer)) {
					violations.merge("轮换（上年检查过）", 1, Integer::sum);
				}
				if (inspection.recused().contains(officer)) {
					violations.merge("回避", 1, Integer::sum);
				}
				routes.computeIfAbsent(officer, k -> new HashMap<>()).computeIfAbsent(a.day(), k -> new ArrayList<>())
					.add(inspection.position());
				load.merge(officer, 1, Integer::sum);
			}
			byEnterprise.computeIfAbsent(inspection.uscc(), k -> new ArrayList<>()).add(a.day());
		}
		double km = 0;
		for (Map<LocalDate, List<Position>> days : routes.values()) {
			Map<Integer, Set<LocalDate>> daysInMonth = new HashMap<>();
			for (Map.Entry<LocalDate, List<Position>> day : days.entrySet()) {
				if (day.getValue().size() > problem.perDay()) {
					violations.merge("超过每日检查户数", day.getValue().size() - problem.perDay(), Integer::sum);
				}
				daysInMonth.computeIfAbsent(day.getKey().getMonthValue(), k -> new HashSet<>()).add(day.getKey());
				km += route(problem.office(), day.getValue());
			}
			for (Set<LocalDate> worked : daysInMonth.values()) {
				if (worked.size() > problem.daysPerMonth()) {
					violations.merge("超过每月可用天数", worked.size() - problem.daysPerMonth(), Integer::sum);
				}
			}
		}
		for (List<LocalDate> days : byEnterprise.values()) {
			days.sort(Comparator.naturalOrder());
			for (int i = 1; i < days.size(); i++) {
				if (days.get(i - 1).plusDays(ScheduleProblem.DAYS_BETWEEN_INSPECTIONS_OF_ONE_ENTERPRISE).isAfter(days.get(i))) {
					violations.merge("同一企业两次检查间隔不足", 1, Integer::sum);
				}
			}
		}
		int min = problem.inspectors().stream().mapToInt(i -> load.getOrDefault(i.id(), 0)).min().orElse(0);
		int max = problem.inspectors().stream().mapToInt(i -> load.getOrDefault(i.id(), 0)).max().orElse(0);
		return new ScheduleMetrics(problem.inspections().size(), unscheduled, violations, min, max, km, outside, byMonth);
	}

	/** From the office to the nearest unvisited stop, and so on, and back: the way an officer would drive it. */
	public static double route(Position office, List<Position> stops) {
		List<Position> left = new ArrayList<>(stops);
		Position at = office;
		double km = 0;
		while (!left.isEmpty()) {
			Position from = at;
			Position next = left.stream().min(Comparator.comparingDouble(from::km)).orElseThrow();
			km += at.km(next);
			left.remove(next);
			at = next;
		}
		return km + at.km(office);
	}
}
