package org.anjian.planning.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.anjian.planning.internal.ScheduleProblem.Assignment;
import org.anjian.planning.internal.ScheduleProblem.Inspection;
import org.anjian.planning.internal.ScheduleProblem.Inspector;

/**
 * The simple greedy schedule, the baseline the solver is measured against. Inspections are taken in their order
 * and spread evenly over the months (a campaign's inspections over its period first); within a month, over its
 * working days in turn. Each gets the least-loaded free lead inspector and the least-loaded free other officer,
 * preferably one without the lead certification. An officer never takes an enterprise he declared a conflict of
 * interest with, nor works on a day of absence, beyond the inspections per day or the days per month; an officer
 * who inspected the enterprise last year is taken only when no other is free. Geography plays no part.
 */
public final class GreedySchedule {

	private GreedySchedule() {
	}

	/** The schedule by item id; an inspection no officer pair can take is left out. */
	public static Map<Long, Assignment> solve(ScheduleProblem problem) {
		List<List<LocalDate>> days = new ArrayList<>();
		days.add(List.of());
		for (int month = 1; month <= 12; month++) {
			days.add(problem.calendar().workingDays(month));
		}
		Load load = new Load(problem.perDay(), problem.daysPerMonth());
		Map<String, List<LocalDate>> planned = new HashMap<>();
		Map<Long, Assignment> schedule = new HashMap<>();
		int[] cursor = new int[13];
		List<Inspection> inspections = problem.inspections();
		int n = inspections.size();
		for (int i = 0; i < n; i++) {
			Inspection inspection = inspections.get(i);
			int wanted = 1 + (int) ((long) i * 12 / n);
			Assignment found = null;
			for (int month : months(inspection, wanted)) {
				List<LocalDate> monthDays = days.get(month);
				for (int k = 0; k < monthDays.size() && found == null; k++) {
					int index = (cursor[month] + k) % monthDays.size();
					LocalDate day = monthDays.get(index);
					if (tooClose(planned.get(inspection.uscc()), day)) {
						continue;
					}
					found = pair(day, problem.inspectors(), load, inspection);
					if (found != null) {
						cursor[month] = index + 1;
					}
				}
				if (found != null) {
					break;
				}
			}
			if (found != null) {
				load.take(found.lead(), found.day());
				load.take(found.second(), found.day());
				planned.computeIfAbsent(inspection.uscc(), k -> new ArrayList<>()).add(found.day());
				schedule.put(inspection.itemId(), found);
			}
		}
		return schedule;
	}

	/** The months to try: the wanted one moved into the inspection's period, then the period's others, then the rest. */
	private static List<Integer> months(Inspection inspection, int wanted) {
		List<Integer> months = new ArrayList<>();
		int span = inspection.toMonth() - inspection.fromMonth() + 1;
		int first = inspection.inPeriod(wanted) ? wanted : inspection.fromMonth() + (wanted - 1) % span;
		for (int shift = 0; shift < span; shift++) {
			months.add(inspection.fromMonth() + (first - inspection.fromMonth() + shift) % span);
		}
		for (int shift = 0; shift < 12; shift++) {
			int month = 1 + (wanted - 1 + shift) % 12;
			if (!months.contains(month)) {
				months.add(month);
			}
		}
		return months;
	}

	static boolean tooClose(List<LocalDate> planned, LocalDate day) {
		if (planned == null) {
			return false;
		}
		int gap = ScheduleProblem.DAYS_BETWEEN_INSPECTIONS_OF_ONE_ENTERPRISE;
		return planned.stream().anyMatch(d -> d.plusDays(gap).isAfter(day) && day.plusDays(gap).isAfter(d));
	}

	/** A lead and a second officer both free on the day; those inspecting the enterprise again last. */
	private static Assignment pair(LocalDate day, List<Inspector> inspectors, Load load, Inspection inspection) {
		Comparator<Inspector> order = Comparator.<Inspector, Boolean>comparing(o -> inspection.rotation().contains(o.id()))
			.thenComparingInt(o -> load.total(o.id()))
			.thenComparingLong(Inspector::id);
		List<Inspector> free = new ArrayList<>();
		for (Inspector inspector : inspectors) {
			if (inspector.availableOn(day) && !inspection.recused().contains(inspector.id()) && load.free(inspector.id(), day)) {
				free.add(inspector);
			}
		}
		Inspector lead = free.stream().filter(Inspector::lead).min(order).orElse(null);
		if (lead == null) {
			return null;
		}
		// the second is rather an officer without the certification, so that lead inspectors stay free to lead
		Inspector second = free.stream().filter(o -> o.id() != lead.id())
			.min(Comparator.<Inspector, Boolean>comparing(o -> inspection.rotation().contains(o.id()))
				.thenComparing(Inspector::lead).thenComparing(order))
			.orElse(null);
		return second == null ? null : new Assignment(day, lead.id(), second.id());
	}

	/** Each officer's inspections by day, days worked by month, and total. */
	private static final class Load {

		private final int perDay;
		private final int daysPerMonth;
		private final Map<Long, Map<LocalDate, Integer>> byDay = new HashMap<>();
		private final Map<Long, int[]> daysByMonth = new HashMap<>();
		private final Map<Long, Integer> total = new HashMap<>();

		Load(int perDay, int daysPerMonth) {
			this.perDay = perDay;
			this.daysPerMonth = daysPerMonth;
		}

		boolean free(long officer, LocalDate day) {
			int today = byDay.getOrDefault(officer, Map.of()).getOrDefault(day, 0);
			if (today >= perDay) {
				return false;
			}
			return today > 0 || daysByMonth.getOrDefault(officer, new int[13])[day.getMonthValue()] < daysPerMonth;
		}

		void take(long officer, LocalDate day) {
			if (byDay.computeIfAbsent(officer, k -> new HashMap<>()).merge(day, 1, Integer::sum) == 1) {
				daysByMonth.computeIfAbsent(officer, k -> new int[13])[day.getMonthValue()]++;
			}
			total.merge(officer, 1, Integer::sum);
		}

		int total(long officer) {
			return total.getOrDefault(officer, 0);
		}
	}

}
