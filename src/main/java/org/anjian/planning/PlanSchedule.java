package org.anjian.planning;

import java.math.RoundingMode;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anjian.audit.AuditTrail;
import org.anjian.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The greedy schedule of a draft plan (排期), the baseline a solver is measured against: every item gets a month,
 * a working day (Monday to Friday) of the plan's year in that month, and two distinct active officers of the plan's
 * body, the first (主办人) a certified lead inspector. Items are spread evenly over the twelve months in their
 * order; within a month, over its working days in turn. An officer takes at most the plan's inspections per
 * officer-day on a day, and works at most the plan's available days per month. Officers who inspected the same
 * enterprise in the body's plan of the previous year are avoided when another officer is free (rotation), and
 * the workload goes to the officers with the fewest inspections so far.
 */
@Service
public class PlanSchedule {

	private final Planning planning;
	private final JdbcClient jdbc;
	private final AuditTrail audit;

	PlanSchedule(Planning planning, JdbcClient jdbc, AuditTrail audit) {
		this.planning = planning;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** What a scheduling did: items scheduled, and of them those that could not avoid a rotation conflict. */
	public record Result(long planId, int scheduled, int rotationConflicts) {
	}

	/** An item's schedule, with its officers' names and badge numbers. */
	public record Assignment(long itemId, int month, LocalDate day, long leadId, String leadName, String leadBadge,
			long secondId, String secondName, String secondBadge) {
	}

	record Officer(long id, boolean lead) {
	}

	@Transactional
	public Result schedule(long planId) {
		audit.describe("plan.schedule");
		AnnualPlan plan = planning.plan(planId);
		plan.requireDraft("排期");
		List<Map.Entry<Long, String>> items = jdbc.sql("select id, uscc from plan_item where plan_id = :plan order by id")
			.param("plan", planId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
		if (items.isEmpty()) {
			throw new InvalidInputException("items", "计划还没有检查事项，请先编制计划再排期");
		}
		List<Officer> officers = jdbc.sql("""
				select id, 'LEAD_INSPECTOR' = any(certifications) from officer where body_id = :body and active order by id""")
			.param("body", plan.bodyId()).query((rs, n) -> new Officer(rs.getLong(1), rs.getBoolean(2))).list();
		if (officers.size() < PlanSettings.OFFICERS_PER_INSPECTION || officers.stream().noneMatch(Officer::lead)) {
			throw new InvalidInputException("officers", "本执法主体须至少有两名在岗执法人员，其中一名具有主办人资格，才能排期");
		}
		PlanSettings settings = plan.settings();
		int perDay = Math.max(1, settings.inspectionsPerOfficerDay().setScale(0, RoundingMode.DOWN).intValue());
		int daysPerMonth = settings.officerDaysPerMonth().setScale(0, RoundingMode.DOWN).intValue();
		if (daysPerMonth == 0) {
			throw new InvalidInputException("officerDaysPerMonth", "每名执法人员每月可用天数为 0，无法排期");
		}
		Map<String, Set<Long>> lastYear = new HashMap<>();
		jdbc.sql("""
				select i.uscc, i.lead_officer_id, i.second_officer_id from plan_item i join annual_plan p on p.id = i.plan_id
				where p.body_id = :body and p.year = :year and i.lead_officer_id is not null""")
			.param("body", plan.bodyId()).param("year", plan.year() - 1)
			.query((rs, n) -> {
				Set<Long> ids = lastYear.computeIfAbsent(rs.getString(1), k -> new HashSet<>());
				ids.add(rs.getLong(2));
				ids.add(rs.getLong(3));
				return null;
			}).list();

		Load load = new Load(perDay, daysPerMonth);
		int[] cursor = new int[13];
		int conflicts = 0;
		int n = items.size();
		for (int i = 0; i < n; i++) {
			long itemId = items.get(i).getKey();
			Set<Long> avoid = lastYear.getOrDefault(items.get(i).getValue(), Set.of());
			int wanted = 1 + (int) ((long) i * 12 / n);
			Slot slot = null;
			for (int shift = 0; shift < 12 && slot == null; shift++) {
				int month = 1 + (wanted - 1 + shift) % 12;
				List<LocalDate> days = workingDays(plan.year(), month);
				for (int k = 0; k < days.size() && slot == null; k++) {
					int index = (cursor[month] + k) % days.size();
					slot = pair(days.get(index), officers, load, avoid);
					if (slot != null) {
						cursor[month] = index + 1;
					}
				}
			}
			if (slot == null) {
				throw new InvalidInputException("officers", "执法人员全年的可用人天不足以安排全部 " + n
						+ " 项检查，请增加人员、可用天数或每人每天检查户数");
			}
			load.take(slot.lead().id(), slot.day());
			load.take(slot.second().id(), slot.day());
			if (avoid.contains(slot.lead().id()) || avoid.contains(slot.second().id())) {
				conflicts++;
			}
			jdbc.sql("""
					update plan_item set planned_month = :month, planned_on = :day, lead_officer_id = :lead,
					    second_officer_id = :second where id = :id""")
				.param("month", slot.day().getMonthValue()).param("day", Date.valueOf(slot.day()))
				.param("lead", slot.lead().id()).param("second", slot.second().id()).param("id", itemId).update();
		}
		return new Result(planId, n, conflicts);
	}

	/** The schedule of a plan's items, by item id; items not scheduled are absent. */
	public Map<Long, Assignment> assignments(long planId) {
		planning.plan(planId);
		Map<Long, Assignment> byItem = new LinkedHashMap<>();
		jdbc.sql("""
				select i.id, i.planned_month, i.planned_on, l.id, l.name, l.badge_number, s.id, s.name, s.badge_number
				from plan_item i join officer l on l.id = i.lead_officer_id join officer s on s.id = i.second_officer_id
				where i.plan_id = :plan order by i.planned_on, i.id""")
			.param("plan", planId)
			.query((rs, n) -> new Assignment(rs.getLong(1), rs.getInt(2), rs.getDate(3).toLocalDate(), rs.getLong(4),
					rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9)))
			.list()
			.forEach(a -> byItem.put(a.itemId(), a));
		return byItem;
	}

	private record Slot(LocalDate day, Officer lead, Officer second) {
	}

	/**
	 * A lead and a second officer both free on the day: those to avoid last, then the least loaded first; the
	 * second preferably without the lead certification.
	 */
	private static Slot pair(LocalDate day, List<Officer> officers, Load load, Set<Long> avoid) {
		Comparator<Officer> order = Comparator.<Officer, Boolean>comparing(o -> avoid.contains(o.id()))
			.thenComparingInt(o -> load.total(o.id()))
			.thenComparingLong(Officer::id);
		List<Officer> free = new ArrayList<>(officers.stream().filter(o -> load.free(o.id(), day)).toList());
		free.sort(order);
		Officer lead = free.stream().filter(Officer::lead).findFirst().orElse(null);
		if (lead == null) {
			return null;
		}
		// the second is rather an officer without the certification, so that lead inspectors stay free to lead
		Officer second = free.stream().filter(o -> o.id() != lead.id())
			.min(Comparator.<Officer, Boolean>comparing(o -> avoid.contains(o.id())).thenComparing(Officer::lead)
				.thenComparing(order))
			.orElse(null);
		return second == null ? null : new Slot(day, lead, second);
	}

	static List<LocalDate> workingDays(int year, int month) {
		List<LocalDate> days = new ArrayList<>();
		YearMonth ym = YearMonth.of(year, month);
		for (int d = 1; d <= ym.lengthOfMonth(); d++) {
			LocalDate day = ym.atDay(d);
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				days.add(day);
			}
		}
		return days;
	}

	/** Each officer's inspections by day, days worked by month, and total. */
	private static final class Load {

		private final int perDay;
		private final int daysPerMonth;
		private final Map<Long, Map<LocalDate, Integer>> byDay = new HashMap<>();
		private final Map<Long, Integer> total = new HashMap<>();

		Load(int perDay, int daysPerMonth) {
			this.perDay = perDay;
			this.daysPerMonth = daysPerMonth;
		}

		boolean free(long officer, LocalDate day) {
			Map<LocalDate, Integer> days = byDay.getOrDefault(officer, Map.of());
			int today = days.getOrDefault(day, 0);
			if (today >= perDay) {
				return false;
			}
			if (today > 0) {
				return true;
			}
			long worked = days.keySet().stream().filter(d -> d.getMonthValue() == day.getMonthValue()).count();
			return worked < daysPerMonth;
		}

		void take(long officer, LocalDate day) {
			byDay.computeIfAbsent(officer, k -> new HashMap<>()).merge(day, 1, Integer::sum);
			total.merge(officer, 1, Integer::sum);
		}

		int total(long officer) {
			return total.getOrDefault(officer, 0);
		}
	}
}
