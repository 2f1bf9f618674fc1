package org.anjian.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.anjian.audit.AuditTrail;
import org.anjian.audit.OfficialActs;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.inspection.internal.InspectionAction;
import org.anjian.inspection.internal.InspectionHistory;
import org.anjian.inspection.internal.InspectionTasks;
import org.anjian.inspection.internal.OverInspectionPolicy;
import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Officer;
import org.anjian.organization.Organization;
import org.anjian.planning.PlanStatus;
import org.anjian.planning.Planning;
import org.anjian.shared.Act;
import org.anjian.shared.Actor;
import org.anjian.shared.Authorized;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.Uscc;
import org.anjian.shared.database.ConnectionScope;
import org.anjian.shared.database.PagedQuery;
import org.anjian.shared.work.Progress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The official acts on inspection tasks: open one from a published plan's item (each item once) or by hand with
 * its reason, name its two officers, submit its on-site plan, return or approve it (a leader), cancel it with a
 * reason. Each act runs in one transaction under the audit trail; the caller's jurisdiction limits, in the
 * database, which tasks, plans and enterprises it reaches.
 */
@Service
public class Inspections {

	/** Plan items opened as tasks per transaction. */
	static final int OPEN_PER_TRANSACTION = 200;

	private final InspectionTasks tasks;
	private final OverInspectionPolicy policy;
	private final InspectionHistory history;
	private final Organization organization;
	private final EnterpriseRegistry registry;
	private final Planning planning;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final OfficialActs acts;
	private final Clock clock;
	private final TransactionTemplate transactions;

	private final CurrentActor actor;

	Inspections(InspectionTasks tasks, OverInspectionPolicy policy, InspectionHistory history, Organization organization,
			EnterpriseRegistry registry, Planning planning, JdbcClient jdbc, AuditTrail audit, OfficialActs acts,
			Clock clock, TransactionTemplate transactions, CurrentActor actor) {
		this.actor = actor;
		this.transactions = transactions;
		this.tasks = tasks;
		this.policy = policy;
		this.history = history;
		this.organization = organization;
		this.registry = registry;
		this.planning = planning;
		this.jdbc = jdbc;
		this.audit = audit;
		this.acts = acts;
		this.clock = clock;
	}

	public InspectionTask task(long id) {
		return tasks.findById(id).orElseThrow(() -> new NotFoundException("检查任务 " + id + " 不存在或不在您的管辖范围内"));
	}

	public List<InspectionTask> tasks(InspectionStatus status) {
		return tasks.search(status == null ? null : status.name());
	}

	/**
	 * A page of the tasks the caller reaches, in the order of {@link #tasks(InspectionStatus)} (by planned day, the
	 * newest first on a day), counted up to its cap: the index of V76 keeps that order for the city and for each
	 * district, whose officers' own district is repeated as an equality that index serves.
	 */
	public ResultPage<InspectionTask> tasks(InspectionStatus status, Integer page) {
		Map<String, Object> params = new HashMap<>();
		String from = " from inspection_task t where true" + ConnectionScope.of(jdbc).narrowing("t", params)
				+ (status == null ? "" : " and t.status = '" + status.name() + "'");
		ResultPage<Long> ids = PagedQuery.page(jdbc, "select t.id", from, "order by t.planned_on nulls last, t.id desc",
				params, (rs, n) -> rs.getLong(1), page, ResultPage.DEFAULT_SIZE);
		Map<Long, InspectionTask> byId = new HashMap<>();
		tasks.findAllById(ids.items()).forEach(t -> byId.put(t.id(), t));
		return ids.withItems(ids.items().stream().map(byId::get).filter(Objects::nonNull).toList());
	}

	/**
	 * What the enforcement documents of a task state about it (number, body, enterprise, officers, matters, day),
	 * within the caller's jurisdiction.
	 */
	public InspectionParticulars particulars(long id) {
		InspectionTask task = task(id);
		EnforcementBody body = organization.body(task.bodyId());
		Enterprise enterprise = registry.file(task.uscc());
		LocalDate day = task.startedAt() == null ? task.plannedOn() : LocalDate.ofInstant(task.startedAt(), clock.getZone());
		return new InspectionParticulars(task.id(), task.documentNumber() == null ? "检查-" + task.id() : task.documentNumber(),
				task.codeToken(), task.status(), body.name(), enterprise.name(), enterprise.uscc(), enterprise.address(),
				officer(task.leadOfficerId()), officer(task.secondOfficerId()), task.matters(), day);
	}

	private InspectionParticulars.Officer officer(Long id) {
		if (id == null) {
			return null;
		}
		try {
			Officer officer = organization.officer(id);
			return new InspectionParticulars.Officer(officer.name(), officer.badgeNumber());
		}
		catch (NotFoundException e) {
			return null;
		}
	}

	/** The enterprises' ratings of the finished inspections the caller's jurisdiction reaches (they feed statistics). */
	public record RatingSummary(int ratings, double average) {
	}

	public RatingSummary ratings() {
		return jdbc.sql("""
				select count(*), coalesce(avg(score), 0) from inspection_rating""")
			.query((rs, n) -> new RatingSummary(rs.getInt(1), rs.getDouble(2))).single();
	}

	/**
	 * Opens the task of a published plan's scheduled item, with the item's matters, day and officers; opening it
	 * again gives the same task. A district's share in a city joint spot check is inspected under the city's task.
	 */
	@Transactional
	public InspectionTask openFromPlan(long planItemId, String by) {
		audit.describe(InspectionAction.OPEN_FROM_PLAN);
		var existing = tasks.findByPlanItem(planItemId);
		if (existing.isPresent()) {
			return existing.get();
		}
		Planning.ScheduledItem item = planning.scheduledItem(planItemId);
		if (item.planStatus() != PlanStatus.PUBLISHED) {
			throw new InvalidInputException("planItemId", "计划尚未发布，不能据此生成检查任务");
		}
		if (item.jointOf() != null) {
			throw new InvalidInputException("planItemId", "该事项为市级督导式抽查的联合检查，由市级计划的检查任务进行");
		}
		EnforcementBody body = organization.body(item.bodyId());
		return tasks.save(InspectionTask.open(item.bodyId(), body.districtCode(), body.streetCode(), item.uscc(),
				InspectionOrigin.PLAN, planItemId, null, item.matters(), item.plannedOn(), item.leadOfficerId(),
				item.secondOfficerId(), InspectionCodes.newToken(), by));
	}

	/** Opens the tasks of every scheduled item of a published plan not yet opened; returns how many were opened. */
	@Authorized(Act.OPEN_INSPECTION)
	public int openPlan(long planId, String by) {
		return openPlan(planId, by, Progress.NONE);
	}

	/**
	 * The same, telling {@code progress} how many of the items are opened, a transaction per
	 * {@value #OPEN_PER_TRANSACTION} items: a city's plan holds tens of thousands, and every audited write holds the
	 * audit trail's head until its transaction ends. Opening is idempotent (an item's task once), so a run stopped
	 * half-way is completed by the next.
	 */
	@Authorized(Act.OPEN_INSPECTION)
	public int openPlan(long planId, String by, Progress progress) {
		List<Long> items = planning.scheduledItemsToInspect(planId);
		Set<Long> opened = new HashSet<>(jdbc.sql("""
				select plan_item_id from inspection_task where plan_item_id = any(cast(:items as bigint[]))""")
			.param("items", items.toArray(Long[]::new)).query(Long.class).list());
		List<Long> open = items.stream().filter(item -> !opened.contains(item)).toList();
		progress.step(0, open.size(), "已生成 0 / " + open.size() + " 项检查任务");
		for (int from = 0; from < open.size(); from += OPEN_PER_TRANSACTION) {
			List<Long> chunk = open.subList(from, Math.min(open.size(), from + OPEN_PER_TRANSACTION));
			transactions.executeWithoutResult(status -> {
				audit.describe(InspectionAction.OPEN_PLAN);
				chunk.forEach(item -> openFromPlan(item, by));
			});
			int done = from + chunk.size();
			progress.step(done, open.size(), "已生成 " + done + " / " + open.size() + " 项检查任务");
		}
		return open.size();
	}

	/** A task outside the plan (专门检查), opened by hand: only with the reason it is needed. */
	@Authorized(Act.OPEN_INSPECTION)
	@Transactional
	public InspectionTask open(long bodyId, String uscc, String reason, List<String> matters, LocalDate day, String by) {
		audit.describe(InspectionAction.OPEN);
		EnforcementBody body = organization.body(bodyId);
		String code = registry.file(uscc).uscc();
		return tasks.save(InspectionTask.open(bodyId, body.districtCode(), body.streetCode(), code,
				InspectionOrigin.MANUAL, null, reason, matters, day, null, null, InspectionCodes.newToken(), by));
	}

	/**
	 * A triggered task (预警触发 / 事件触发), opened for the body that supervises the enterprise, with the reason that
	 * triggered it; the officers and the day are set by the body as for a task by hand.
	 */
	@Transactional
	public InspectionTask openTriggered(String uscc, InspectionOrigin origin, String reason, List<String> matters,
			String by) {
		audit.describe(InspectionAction.OPEN_TRIGGERED);
		if (origin != InspectionOrigin.ALARM && origin != InspectionOrigin.EVENT) {
			throw new InvalidInputException("origin", "触发式检查只能由预警或事件触发");
		}
		Enterprise enterprise = registry.file(uscc);
		if (enterprise.supervisingBodyId() == null) {
			throw new InvalidInputException("uscc", "企业 " + enterprise.uscc() + " 尚未确定监管执法主体，不能开具触发式检查");
		}
		EnforcementBody body = organization.body(enterprise.supervisingBodyId());
		return tasks.save(InspectionTask.open(body.id(), body.districtCode(), body.streetCode(), enterprise.uscc(), origin,
				null, reason, matters, null, null, null, InspectionCodes.newToken(), by));
	}

	/**
	 * The enterprise's planned inspection (from a plan item, neither finished nor cancelled) planned between two
	 * days, the earliest first: a triggered inspection that close is merged into it (统筹归并).
	 */
	public Optional<InspectionTask> plannedBetween(String uscc, LocalDate from, LocalDate until) {
		return tasks.findPlannedBetween(Uscc.of(uscc).value(), from, until);
	}

	/** 统筹归并: the trigger's reason joins the planned task and its matters are added; no second visit. */
	@Transactional
	public InspectionTask mergeTriggered(long id, String reason, List<String> matters) {
		return acts.perform(InspectionAction.MERGE_TRIGGERED, task(id), null, task -> task.mergeTrigger(reason, matters),
				tasks::save);
	}

	@Authorized(Act.ASSIGN_INSPECTORS)
	@Transactional
	public InspectionTask assign(long id, Long lead, Long second, Integer version) {
		return assign(id, lead, second, null, version);
	}

	/**
	 * Names the two officers; an officer who inspected the enterprise twice within the past year and found nothing
	 * comes a third time only with a reason ({@link OverInspectionPolicy}).
	 */
	@Authorized(Act.ASSIGN_INSPECTORS)
	@Transactional
	public InspectionTask assign(long id, Long lead, Long second, String repeatReason, Integer version) {
		return acts.perform(InspectionAction.ASSIGN, task(id), version, task -> {
			requireOfficerOf(task, lead, true);
			requireOfficerOf(task, second, false);
			LocalDate day = task.plannedOn() == null ? LocalDate.now(clock) : task.plannedOn();
			Map<Long, Integer> clean = history.cleanVisits(task.uscc(), policy.cleanVisitsSince(day), day,
					List.of(lead, second));
			task.assign(lead, second, policy.repeating(clean) ? repeatReason : null);
			policy.thirdVisit(clean, repeatReason).orRefuseInput("repeatReason");
		}, tasks::save);
	}

	@Authorized(Act.DRAFT_INSPECTION_PLAN)
	@Transactional
	public InspectionTask submitPlan(long id, Integer version) {
		return acts.perform(InspectionAction.SUBMIT_PLAN, task(id), version, task -> {
			int items = jdbc.sql("select count(*) from inspection_plan_item where task_id = :task").param("task", id)
				.query(Integer.class).single();
			if (items == 0) {
				throw new InvalidInputException("items", "检查方案还没有检查项，请先编制检查方案");
			}
			task.submitPlan(actor.current().map(Actor::username).orElse(null));
		}, tasks::save);
	}

	@Authorized(Act.APPROVE_INSPECTION_PLAN)
	@Transactional
	public InspectionTask returnPlan(long id, Integer version) {
		return acts.perform(InspectionAction.RETURN_PLAN, task(id), version, InspectionTask::returnPlan, tasks::save);
	}

	@Authorized(Act.APPROVE_INSPECTION_PLAN)
	@Transactional
	public InspectionTask approvePlan(long id, String leader, Integer version) {
		return acts.perform(InspectionAction.APPROVE_PLAN, task(id), version,
				task -> task.approvePlan(leader, clock.instant()), tasks::save);
	}

	@Authorized(Act.CANCEL_INSPECTION)
	@Transactional
	public InspectionTask cancel(long id, String reason, Integer version) {
		return acts.perform(InspectionAction.CANCEL, task(id), version, task -> task.cancel(reason), tasks::save);
	}

	private void requireOfficerOf(InspectionTask task, Long id, boolean lead) {
		String field = lead ? "leadOfficerId" : "secondOfficerId";
		if (id == null) {
			throw new InvalidInputException(field, "请指定执法人员");
		}
		Officer officer;
		try {
			officer = organization.officer(id);
		}
		catch (NotFoundException e) {
			officer = null;
		}
		if (officer == null || !officer.active() || officer.bodyId() == null || officer.bodyId() != task.bodyId()) {
			throw new InvalidInputException(field, "执法人员 " + id + " 不是本执法主体的在岗执法人员");
		}
		if (lead && !officer.isLeadInspector()) {
			throw new InvalidInputException("leadOfficerId", "主办人须具有主办人资格");
		}
	}
}
