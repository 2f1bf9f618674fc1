package org.anjian.planning;

import java.math.RoundingMode;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.anjian.audit.AuditTrail;
import org.anjian.planning.internal.DrawAlgorithm;
import org.anjian.planning.internal.GreedySchedule;
import org.anjian.planning.internal.PlanStore;
import org.anjian.planning.internal.PlanningAction;
import org.anjian.planning.internal.ScheduleMetrics;
import org.anjian.planning.internal.ScheduleProblem;
import org.anjian.planning.internal.SolverSchedule;
import org.anjian.planning.internal.WorkCalendar;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.work.Progress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The schedule of a draft plan (排期): every item of the plan's own inspections gets a working day of the plan's
 * year and two officers of the plan's body, the first (主办人) a certified lead inspector. The solver
 * ({@link SolverSchedule}) places the items on the trips of officer teams drawn from the plan's seed, keeping
 * every hard rule (availability and holidays, the inspections per officer-day and days per month, no officer who
 * inspected the enterprise in the body's plan of the previous year, no declared conflict of interest, two
 * inspections of one enterprise a month apart) and driving as little as it can; the greedy baseline
 * ({@link GreedySchedule}) is kept for comparison. A district's share in a city joint spot check is scheduled by
 * the city's plan. The figures of the result are computed from the schedule itself ({@link ScheduleMetrics}).
 */
@Service
public class PlanSchedule {

	private final Planning planning;
	private final PlanStore store;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final WorkCalendar calendar;
	private final Duration limit;
	private final Duration unimproved;
	private final TransactionTemplate reading;
	private final TransactionTemplate writing;

	PlanSchedule(Planning planning, PlanStore store, JdbcClient jdbc, AuditTrail audit, WorkCalendar calendar,
			PlatformTransactionManager transactions, @Value("${anjian.planning.solver.limit:PT30S}") Duration limit,
			@Value("${anjian.planning.solver.unimproved:PT5S}") Duration unimproved) {
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
		this.writing = new TransactionTemplate(transactions);
		this.planning = planning;
		this.store = store;
		this.jdbc = jdbc;
		this.audit = audit;
		this.calendar = calendar;
		this.limit = limit;
		this.unimproved = unimproved;
	}

	/** How a plan is scheduled: by the solver, or by the simple greedy baseline. */
	public enum Method {
		SOLVER, GREEDY
	}

	/**
	 * What a scheduling did: items scheduled, hard-rule violations the officers available could not avoid (by
	 * rule; zero when the body has enough officers), kilometres driven and the fewest and most inspections of an
	 * officer.
	 */
	public record Result(long planId, Method method, int scheduled, Map<String, Integer> violations, long km,
			int minLoad, int maxLoad) {

		public int rotationConflicts() {
			return violations.getOrDefault("轮换（上年检查过）", 0);
		}

		/** The rules the officers available could not keep, in words; empty when every rule is kept. */
		public String unavoidable() {
			StringBuilder text = new StringBuilder();
			violations.forEach((rule, count) -> {
				if (count > 0) {
					text.append(text.length() == 0 ? "；现有人员无法满足：" : "、").append(rule).append(' ').append(count).append(" 处");
				}
			});
			return text.toString();
		}
	}

	/** An item's schedule, with its officers' names and badge numbers. */
	public record Assignment(long itemId, int month, LocalDate day, long leadId, String leadName, String leadBadge,
			long secondId, String secondName, String secondBadge) {
	}

	public Result schedule(long planId) {
		return schedule(planId, Method.SOLVER, Progress.NONE);
	}

	public Result schedule(long planId, Method method) {
		return schedule(planId, method, Progress.NONE);
	}

	/**
	 * Schedules a draft, telling {@code progress} how far it is. What the schedule must respect is read in one
	 * transaction and written in another, the solver running in between outside any: a transaction held open for the
	 * minutes a city plan solves would hold its connection and snapshot all along. So the writing checks again that
	 * the plan is still a draft with the items that were scheduled; a plan changed meanwhile is refused as modified.
	 */
	public Result schedule(long planId, Method method, Progress progress) {
		progress.step(0, 100, "读取计划事项、执法人员、请假与回避和工作日历");
		ScheduleProblem problem = reading.execute(status -> {
			AnnualPlan plan = planning.plan(planId);
			plan.requireDraft("排期");
			return problem(plan);
		});
		Map<Long, ScheduleProblem.Assignment> schedule = method == Method.GREEDY ? GreedySchedule.solve(problem)
				: SolverSchedule.solve(problem, limit, unimproved, progress).schedule();
		ScheduleMetrics metrics = ScheduleMetrics.of(problem, schedule);
		if (metrics.unscheduled() > 0) {
			throw new InvalidInputException("officers", "执法人员全年的可用人天不足以安排全部 " + problem.inspections().size()
					+ " 项检查，请增加人员、可用天数或每人每天检查户数");
		}
		progress.step(97, 100, "保存 " + schedule.size() + " 项检查的日期和执法人员");
		writing.executeWithoutResult(status -> {
			audit.describe(PlanningAction.PLAN_SCHEDULE);
			planning.plan(planId).requireDraft("排期");
			List<Long> items = jdbc.sql("select id from plan_item where plan_id = :plan and joint_of is null for update")
				.param("plan", planId).query(Long.class).list();
			if (!new HashSet<>(items).equals(schedule.keySet())) {
				throw new OptimisticLockingFailureException("plan " + planId + " changed while it was scheduled");
			}
			List<Long> ids = new ArrayList<>(schedule.keySet());
			jdbc.sql("""
					update plan_item i set planned_month = extract(month from s.day), planned_on = s.day,
					    lead_officer_id = s.lead, second_officer_id = s.second
					from unnest(:ids, :days, :leads, :seconds) as s(id, day, lead, second) where i.id = s.id""")
				.param("ids", ids.toArray(Long[]::new))
				.param("days", ids.stream().map(id -> Date.valueOf(schedule.get(id).day())).toArray(Date[]::new))
				.param("leads", ids.stream().map(id -> schedule.get(id).lead()).toArray(Long[]::new))
				.param("seconds", ids.stream().map(id -> schedule.get(id).second()).toArray(Long[]::new))
				.update();
		});
		return new Result(planId, method, schedule.size(), metrics.violations(), Math.round(metrics.km()),
				metrics.minLoad(), metrics.maxLoad());
	}

	/** The plan's own items with everything the schedule must respect, read from the database. */
	ScheduleProblem problem(AnnualPlan plan) {
		record Item(long id, String uscc, Double lon, Double lat, int from, int to) {
		}
		List<Item> items = jdbc.sql("""
				select i.id, i.uscc, e.longitude::float8, e.latitude::float8, coalesce(c.starts_month, 1), coalesce(c.ends_month, 12)
				from plan_item i join enterprise_register e on e.uscc = i.uscc left join plan_campaign c on c.id = i.campaign_id
				where i.plan_id = :plan and i.joint_of is null order by i.id""")
			.param("plan", plan.id())
			.query((rs, n) -> new Item(rs.getLong(1), rs.getString(2), rs.getObject(3, Double.class),
					rs.getObject(4, Double.class), rs.getInt(5), rs.getInt(6)))
			.list();
		if (items.isEmpty()) {
			throw new InvalidInputException("items", "计划还没有检查事项，请先编制计划再排期");
		}
		// the officers of the draws' frozen pool, so that the teams are those the public draw page shows; the body's
		// active officers when the plan drew nothing. An officer of the pool who has left since is not sent.
		Optional<String> frozen = jdbc.sql("select officers from plan_draw where plan_id = :plan order by id limit 1")
			.param("plan", plan.id()).query(String.class).optional();
		List<DrawAlgorithm.PoolMember> pool = frozen.map(DrawAlgorithm::pool).orElseGet(() -> store.officers(plan.bodyId()));
		Map<String, Long> active = new HashMap<>();
		jdbc.sql("select badge_number, id from officer_directory where body_id = :body and active")
			.param("body", plan.bodyId())
			.query(rs -> {
				active.put(rs.getString(1), rs.getLong(2));
			});
		List<Long> officerIds = new ArrayList<>();
		Map<Long, String> badges = new HashMap<>();
		Map<Long, Boolean> leads = new HashMap<>();
		for (DrawAlgorithm.PoolMember member : pool) {
			Long id = active.get(member.badge());
			if (id != null) {
				officerIds.add(id);
				badges.put(id, member.badge());
				leads.put(id, member.lead());
			}
		}
		if (officerIds.size() < PlanSettings.OFFICERS_PER_INSPECTION || !leads.containsValue(true)) {
			throw new InvalidInputException("officers", "本执法主体须至少有两名在岗执法人员，其中一名具有主办人资格，才能排期");
		}
		PlanSettings settings = plan.settings();
		int perDay = Math.max(1, settings.inspectionsPerOfficerDay().setScale(0, RoundingMode.DOWN).intValue());
		int daysPerMonth = settings.officerDaysPerMonth().setScale(0, RoundingMode.DOWN).intValue();
		if (daysPerMonth == 0) {
			throw new InvalidInputException("officerDaysPerMonth", "每名执法人员每月可用天数为 0，无法排期");
		}
		Map<Long, Set<LocalDate>> absent = new HashMap<>();
		jdbc.sql("""
				select a.officer_id, d::date from officer_absence a join officer_directory o on o.id = a.officer_id,
				  generate_series(greatest(a.starts_on, make_date(:year, 1, 1)), least(a.ends_on, make_date(:year, 12, 31)),
				                  interval '1 day') as d
				where o.body_id = :body""")
			.param("body", plan.bodyId()).param("year", plan.year())
			.query(rs -> {
				absent.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getDate(2).toLocalDate());
			});
		Map<String, Set<Long>> lastYear = officersByEnterprise("""
				select i.uscc, unnest(array[i.lead_officer_id, i.second_officer_id]) from plan_item i
				join annual_plan p on p.id = i.plan_id
				where p.body_id = :body and p.year = :year - 1 and i.lead_officer_id is not null""", plan);
		Map<String, Set<Long>> recused = officersByEnterprise("""
				select r.uscc, r.officer_id from officer_recusal r join officer_directory o on o.id = r.officer_id
				where o.body_id = :body and r.withdrawn_at is null""", plan);

		List<ScheduleProblem.Position> known = items.stream().filter(i -> i.lon() != null && i.lat() != null)
			.map(i -> ScheduleProblem.Position.of(i.lon(), i.lat())).toList();
		// the office is taken as the centre of the plan's enterprises until bodies record their address
		ScheduleProblem.Position office = new ScheduleProblem.Position(
				known.stream().mapToDouble(ScheduleProblem.Position::x).average().orElse(0),
				known.stream().mapToDouble(ScheduleProblem.Position::y).average().orElse(0));
		List<ScheduleProblem.Inspection> inspections = items.stream()
			.map(i -> new ScheduleProblem.Inspection(i.id(), i.uscc(),
					i.lon() == null || i.lat() == null ? office : ScheduleProblem.Position.of(i.lon(), i.lat()),
					lastYear.getOrDefault(i.uscc(), Set.of()), recused.getOrDefault(i.uscc(), Set.of()), i.from(), i.to()))
			.toList();
		List<ScheduleProblem.Inspector> inspectors = officerIds.stream()
			.map(id -> new ScheduleProblem.Inspector(id, badges.get(id), leads.get(id), absent.getOrDefault(id, Set.of())))
			.toList();
		return new ScheduleProblem(plan.year(), perDay, daysPerMonth, plan.seed(), calendar.year(plan.year()), office,
				inspectors, inspections);
	}

	private Map<String, Set<Long>> officersByEnterprise(String sql, AnnualPlan plan) {
		Map<String, Set<Long>> officers = new HashMap<>();
		jdbc.sql(sql).param("body", plan.bodyId()).param("year", plan.year())
			.query(rs -> {
				officers.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getLong(2));
			});
		return officers;
	}

	/** The schedule of a plan's items, by item id; items not scheduled are absent. */
	public Map<Long, Assignment> assignments(long planId) {
		planning.plan(planId);
		Map<Long, Assignment> byItem = new LinkedHashMap<>();
		jdbc.sql("""
				select i.id, i.planned_month, i.planned_on, l.id, l.name, l.badge_number, s.id, s.name, s.badge_number
				from plan_item i join officer_directory l on l.id = i.lead_officer_id
				join officer_directory s on s.id = i.second_officer_id
				where i.plan_id = :plan order by i.planned_on, i.id""")
			.param("plan", planId)
			.query((rs, n) -> new Assignment(rs.getLong(1), rs.getInt(2), rs.getDate(3).toLocalDate(), rs.getLong(4),
					rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9)))
			.list()
			.forEach(a -> byItem.put(a.itemId(), a));
		return byItem;
	}
}
