package org.anjian.planning;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.anjian.audit.AuditTrail;
import org.anjian.audit.OfficialActs;
import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Organization;
import org.anjian.planning.internal.AnnualPlans;
import org.anjian.planning.internal.PlanStore;
import org.anjian.planning.internal.PlanWork;
import org.anjian.planning.internal.PlanningAction;
import org.anjian.shared.Act;
import org.anjian.shared.Actor;
import org.anjian.shared.Authorized;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.work.BackgroundWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan's lifecycle acts — open a draft, configure, submit, return, approve, publish — and what is read of
 * plans: the plans, their items, draws and counts. Composition is {@link PlanComposition}'s, changes to items
 * {@code PlanAmendments}', special campaigns {@code PlanCampaigns}'. Each act runs in one transaction under the
 * audit trail, on the version of the plan its author read; the caller's jurisdiction limits, in the database, which
 * plans and enterprises it reaches.
 */
@Service
public class Planning {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AnnualPlans plans;
	private final PlanStore store;
	private final Organization organization;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final OfficialActs acts;
	private final Clock clock;
	private final BackgroundWork works;

	private final CurrentActor actor;

	Planning(AnnualPlans plans, PlanStore store, Organization organization, JdbcClient jdbc, AuditTrail audit,
			OfficialActs acts, Clock clock, BackgroundWork works, CurrentActor actor) {
		this.actor = actor;
		this.works = works;
		this.plans = plans;
		this.store = store;
		this.organization = organization;
		this.jdbc = jdbc;
		this.audit = audit;
		this.acts = acts;
		this.clock = clock;
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
	@Authorized(Act.DRAFT_PLAN)
	@Transactional
	public AnnualPlan open(long bodyId, int year, PlanSettings settings, String by) {
		audit.describe(PlanningAction.PLAN_OPEN);
		EnforcementBody body = organization.body(bodyId);
		if (plans.findByBodyAndYear(bodyId, year).isPresent()) {
			throw new InvalidInputException("year", body.name() + " 已有 " + year + " 年度执法计划，请在原计划上修改");
		}
		byte[] seed = new byte[16];
		RANDOM.nextBytes(seed);
		return plans.save(AnnualPlan.draft(bodyId, body.level(), body.districtCode(), body.streetCode(), year, settings,
				HexFormat.of().formatHex(seed), clock.instant(), by));
	}

	@Authorized(Act.DRAFT_PLAN)
	@Transactional
	public AnnualPlan configure(long id, PlanSettings settings, Integer version) {
		return acts.perform(PlanningAction.PLAN_CONFIGURE, plan(id), version, plan -> plan.configure(settings), plans::save);
	}

	/** Refused while the draft's items are being composed or scheduled in the background. */
	@Authorized(Act.SUBMIT_PLAN)
	@Transactional
	public AnnualPlan submit(long id, Integer version) {
		PlanWork.refuseWhileRunning(works, id, "提交");
		return acts.perform(PlanningAction.PLAN_SUBMIT, plan(id), version, plan -> {
			if (store.count(id) == 0) {
				throw new InvalidInputException("items", "计划还没有检查事项，请先编制计划再提交");
			}
			plan.submit(actor.current().map(Actor::username).orElse(null));
		}, plans::save);
	}

	@Authorized(Act.APPROVE_PLAN)
	@Transactional
	public AnnualPlan returnToDraft(long id, Integer version) {
		return acts.perform(PlanningAction.PLAN_RETURN, plan(id), version, AnnualPlan::returnToDraft, plans::save);
	}

	@Authorized(Act.APPROVE_PLAN)
	@Transactional
	public AnnualPlan approve(long id, String leader, Integer version) {
		return acts.perform(PlanningAction.PLAN_APPROVE, plan(id), version, plan -> plan.approve(leader), plans::save);
	}

	@Authorized(Act.PUBLISH_PLAN)
	@Transactional
	public AnnualPlan publish(long id, Integer version) {
		return acts.perform(PlanningAction.PLAN_PUBLISH, plan(id), version, plan -> plan.publish(clock.instant()),
				plans::save);
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

	/** A plan's items with their enterprises' names, in the order of kind, credit code and sequence. */
	public List<PlanItem> items(long planId) {
		plan(planId);
		return store.items(planId);
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
}
