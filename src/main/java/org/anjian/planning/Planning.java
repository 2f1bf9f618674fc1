package org.anjian.planning;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.anjian.audit.AuditTrail;
import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Organization;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan's lifecycle acts — open a draft, configure, submit, return, approve, publish — and what is read of
 * plans: the plans, their items, draws and counts. Composition is {@link PlanComposition}'s, changes to items
 * {@link PlanAmendments}', special campaigns {@link PlanCampaigns}'. Each act runs in one transaction under the
 * audit trail; the caller's jurisdiction limits, in the database, which plans and enterprises it reaches.
 */
@Service
public class Planning {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AnnualPlans plans;
	private final PlanStore store;
	private final Organization organization;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock = Clock.system(SHANGHAI);

	Planning(AnnualPlans plans, PlanStore store, Organization organization,
			JdbcClient jdbc, AuditTrail audit) {
		this.plans = plans;
		this.store = store;
		this.organization = organization;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public AnnualPlan plan(long id) {
		return store.plan(id);
	}

	public List<AnnualPlan> plans(Integer year) {
		return plans.search(year);
	}

	/** Refuses, as not found, a body outside the caller's jurisdiction. */
	public void requireBodyVisible(long bodyId) {
		organization.body(bodyId);
	}

	/** Opens the draft plan of a body for a year; its seed is drawn now, before any draw uses it. */
	@Transactional
	public AnnualPlan open(long bodyId, int year, PlanSettings settings, String by) {
		audit.describe("plan.open");
		EnforcementBody body = organization.body(bodyId);
		if (plans.findByBodyAndYear(bodyId, year).isPresent()) {
			throw new InvalidInputException("year", body.name() + " 已有 " + year + " 年度执法计划，请在原计划上修改");
		}
		byte[] seed = new byte[16];
		RANDOM.nextBytes(seed);
		return plans.save(AnnualPlan.draft(bodyId, body.level(), body.districtCode(), body.streetCode(), year, settings,
				HexFormat.of().formatHex(seed), clock.instant(), by));
	}

	@Transactional
	public AnnualPlan configure(long id, PlanSettings settings, Integer version) {
		return act(id, version, "plan.configure", plan -> plan.configure(settings));
	}

	@Transactional
	public AnnualPlan submit(long id, Integer version) {
		return act(id, version, "plan.submit", plan -> {
			if (store.count(id) == 0) {
				throw new InvalidInputException("items", "计划还没有检查事项，请先编制计划再提交");
			}
			plan.submit();
		});
	}

	@Transactional
	public AnnualPlan returnToDraft(long id, Integer version) {
		return act(id, version, "plan.return", AnnualPlan::returnToDraft);
	}

	@Transactional
	public AnnualPlan approve(long id, String leader, Integer version) {
		return act(id, version, "plan.approve", plan -> plan.approve(leader));
	}

	@Transactional
	public AnnualPlan publish(long id, Integer version) {
		return act(id, version, "plan.publish", plan -> plan.publish(clock.instant()));
	}

	/** One official act on the plan: named in the audit trail, on the current version, saved. */
	private AnnualPlan act(long id, Integer version, String name, Consumer<AnnualPlan> act) {
		audit.describe(name);
		AnnualPlan plan = current(id, version);
		act.accept(plan);
		return plans.save(plan);
	}

	/** How many items each visible plan holds, and how many of them count as its own inspections; one query. */
	public record ItemCount(int items, int counted) {
	}

	public Map<Long, ItemCount> itemCounts() {
		Map<Long, ItemCount> counts = new HashMap<>();
		jdbc.sql("select plan_id, count(*) as items, count(*) filter (where joint_of is null) as counted"
				+ " from plan_item group by plan_id")
			.query(rs -> {
				counts.put(rs.getLong("plan_id"), new ItemCount(rs.getInt("items"), rs.getInt("counted")));
			});
		return counts;
	}

	public List<PlanItem> items(long planId) {
		plan(planId);
		return jdbc.sql("""
				select i.*, e.name as enterprise_name from plan_item i left join enterprise e on e.uscc = i.uscc
				where i.plan_id = :plan order by i.kind, i.uscc, i.sequence""")
			.param("plan", planId)
			.query(PlanStore::item)
			.list();
	}

	/**
	 * A plan item as an inspection task is opened from it: the plan's body and status, the enterprise, the matters,
	 * the day and the two officers the schedule gave it, and the city item it shares when it is a district's part
	 * of a joint spot check ({@code jointOf}).
	 */
	public record ScheduledItem(long id, long planId, long bodyId, PlanStatus planStatus, String uscc,
			List<String> matters, LocalDate plannedOn, Long leadOfficerId, Long secondOfficerId, Long jointOf) {
	}

	/** One plan item with its schedule, within the caller's jurisdiction. */
	public ScheduledItem scheduledItem(long planItemId) {
		return jdbc.sql("""
				select i.id, i.plan_id, p.body_id, p.status, i.uscc, i.matters, i.planned_on, i.lead_officer_id,
				       i.second_officer_id, i.joint_of
				from plan_item i join annual_plan p on p.id = i.plan_id where i.id = :item""")
			.param("item", planItemId)
			.query((rs, n) -> new ScheduledItem(rs.getLong(1), rs.getLong(2), rs.getLong(3),
					PlanStatus.valueOf(rs.getString(4)), rs.getString(5),
					rs.getArray(6) == null ? List.of() : List.of((String[]) rs.getArray(6).getArray()),
					rs.getObject(7, LocalDate.class), (Long) rs.getObject(8), (Long) rs.getObject(9),
					(Long) rs.getObject(10)))
			.optional()
			.orElseThrow(() -> new NotFoundException("计划事项 " + planItemId + " 不存在或不在您的管辖范围内"));
	}

	/**
	 * The scheduled items of a published plan that its own body inspects (a district's part of a joint spot check is
	 * inspected under the city's task), by day; none before the plan is published.
	 */
	public List<Long> scheduledItemsToInspect(long planId) {
		return jdbc.sql("""
				select i.id from plan_item i join annual_plan p on p.id = i.plan_id
				where p.id = :plan and p.status = 'PUBLISHED' and i.joint_of is null and i.planned_on is not null
				order by i.planned_on, i.id""")
			.param("plan", planId).query(Long.class).list();
	}

	/** Draw ids of a plan, in the order drawn. */
	public List<Long> draws(long planId) {
		plan(planId);
		return jdbc.sql("select id from plan_draw where plan_id = :plan order by id").param("plan", planId)
			.query(Long.class).list();
	}

	/** A city-wide count of the year's planned inspections: a shared spot check counts once. */
	public long inspectionsCounted(int year) {
		return jdbc.sql("select count(*) from plan_item where year = :year and joint_of is null").param("year", year)
			.query(Long.class).single();
	}

	private AnnualPlan current(long id, Integer version) {
		AnnualPlan plan = plan(id);
		if (version != null && version != plan.version()) {
			throw new OptimisticLockingFailureException("stale version " + version + " (now " + plan.version() + ")");
		}
		return plan;
	}
}
