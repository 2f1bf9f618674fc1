package org.anjian.inspection;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.anjian.audit.AuditTrail;
import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Organization;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.Uscc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official acts on inspection tasks: open one from a published plan's item (each item once) or by hand with
 * its reason, name its two officers, submit its on-site plan, return or approve it (a leader), cancel it with a
 * reason. Each act runs in one transaction under the audit trail; the caller's jurisdiction limits, in the
 * database, which tasks, plans and enterprises it reaches.
 */
@Service
public class Inspections {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final InspectionTasks tasks;
	private final OverInspectionPolicy policy;
	private final Organization organization;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock = Clock.system(SHANGHAI);

	Inspections(InspectionTasks tasks, OverInspectionPolicy policy, Organization organization, JdbcClient jdbc,
			AuditTrail audit) {
		this.tasks = tasks;
		this.policy = policy;
		this.organization = organization;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public InspectionTask task(long id) {
		return tasks.findById(id).orElseThrow(() -> new NotFoundException("检查任务 " + id + " 不存在或不在您的管辖范围内"));
	}

	public List<InspectionTask> tasks(InspectionStatus status) {
		return tasks.search(status == null ? null : status.name());
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
		audit.describe("inspection.open-from-plan");
		var existing = tasks.findByPlanItem(planItemId);
		if (existing.isPresent()) {
			return existing.get();
		}
		record Item(long bodyId, String district, String street, String uscc, List<String> matters, LocalDate day,
				Long lead, Long second, String status, Long jointOf) {
		}
		Item item = jdbc.sql("""
				select p.body_id, b.district_code, b.street_code, i.uscc, i.matters, i.planned_on, i.lead_officer_id,
				       i.second_officer_id, p.status, i.joint_of
				from plan_item i join annual_plan p on p.id = i.plan_id join enforcement_body b on b.id = p.body_id
				where i.id = :item""")
			.param("item", planItemId)
			.query((rs, n) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					List.of(strings(rs.getArray(5))), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(),
					(Long) rs.getObject(7), (Long) rs.getObject(8), rs.getString(9), (Long) rs.getObject(10)))
			.optional()
			.orElseThrow(() -> new NotFoundException("计划事项 " + planItemId + " 不存在或不在您的管辖范围内"));
		if (!"PUBLISHED".equals(item.status())) {
			throw new InvalidInputException("planItemId", "计划尚未发布，不能据此生成检查任务");
		}
		if (item.jointOf() != null) {
			throw new InvalidInputException("planItemId", "该事项为市级督导式抽查的联合检查，由市级计划的检查任务进行");
		}
		return tasks.save(InspectionTask.open(item.bodyId(), item.district(), item.street(), item.uscc(),
				InspectionOrigin.PLAN, planItemId, null, item.matters(), item.day(), item.lead(), item.second(),
				InspectionCodes.newToken(), by));
	}

	/** Opens the tasks of every scheduled item of a published plan not yet opened; returns how many were opened. */
	@Transactional
	public int openPlan(long planId, String by) {
		audit.describe("inspection.open-plan");
		List<Long> items = jdbc.sql("""
				select i.id from plan_item i join annual_plan p on p.id = i.plan_id
				where p.id = :plan and p.status = 'PUBLISHED' and i.joint_of is null and i.planned_on is not null
				  and not exists (select 1 from inspection_task t where t.plan_item_id = i.id)
				order by i.planned_on, i.id""")
			.param("plan", planId).query(Long.class).list();
		items.forEach(item -> openFromPlan(item, by));
		return items.size();
	}

	/** A task outside the plan (专门检查), opened by hand: only with the reason it is needed. */
	@Transactional
	public InspectionTask open(long bodyId, String uscc, String reason, List<String> matters, LocalDate day, String by) {
		audit.describe("inspection.open");
		EnforcementBody body = organization.body(bodyId);
		String code = Uscc.of(uscc).value();
		jdbc.sql("select uscc from enterprise where uscc = :uscc").param("uscc", code).query(String.class).optional()
			.orElseThrow(() -> new NotFoundException("企业 " + code + " 不存在或不在您的管辖范围内"));
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
		audit.describe("inspection.open-triggered");
		if (origin != InspectionOrigin.ALARM && origin != InspectionOrigin.EVENT) {
			throw new InvalidInputException("origin", "触发式检查只能由预警或事件触发");
		}
		String code = Uscc.of(uscc).value();
		long bodyId = jdbc.sql("select supervising_body_id from enterprise where uscc = :uscc").param("uscc", code)
			.query(Long.class).optional()
			.orElseThrow(() -> new NotFoundException("企业 " + code + " 不存在或不在您的管辖范围内"));
		EnforcementBody body = organization.body(bodyId);
		return tasks.save(InspectionTask.open(bodyId, body.districtCode(), body.streetCode(), code, origin, null, reason,
				matters, null, null, null, InspectionCodes.newToken(), by));
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
		return act(id, null, "inspection.merge-triggered", task -> task.mergeTrigger(reason, matters));
	}

	@Transactional
	public InspectionTask assign(long id, Long lead, Long second, Integer version) {
		return assign(id, lead, second, null, version);
	}

	/**
	 * Names the two officers; an officer who inspected the enterprise twice within the past year and found nothing
	 * comes a third time only with a reason ({@link OverInspectionPolicy}).
	 */
	@Transactional
	public InspectionTask assign(long id, Long lead, Long second, String repeatReason, Integer version) {
		return act(id, version, "inspection.assign", task -> {
			requireOfficerOf(task, lead, true);
			requireOfficerOf(task, second, false);
			LocalDate day = task.plannedOn() == null ? LocalDate.now(clock) : task.plannedOn();
			List<Long> repeating = policy.repeatOfficers(task.uscc(), day, List.of(lead, second));
			task.assign(lead, second, repeating.isEmpty() ? null : repeatReason);
			if (!repeating.isEmpty() && (repeatReason == null || repeatReason.isBlank())) {
				throw new InvalidInputException("repeatReason", "执法人员一年内已两次检查该企业且均未发现问题，第三次检查须写明理由");
			}
		});
	}

	@Transactional
	public InspectionTask submitPlan(long id, Integer version) {
		return act(id, version, "inspection.submit-plan", task -> {
			int items = jdbc.sql("select count(*) from inspection_plan_item where task_id = :task").param("task", id)
				.query(Integer.class).single();
			if (items == 0) {
				throw new InvalidInputException("items", "检查方案还没有检查项，请先编制检查方案");
			}
			task.submitPlan();
		});
	}

	@Transactional
	public InspectionTask returnPlan(long id, Integer version) {
		return act(id, version, "inspection.return-plan", InspectionTask::returnPlan);
	}

	@Transactional
	public InspectionTask approvePlan(long id, String leader, Integer version) {
		return act(id, version, "inspection.approve-plan", task -> task.approvePlan(leader, clock.instant()));
	}

	@Transactional
	public InspectionTask cancel(long id, String reason, Integer version) {
		return act(id, version, "inspection.cancel", task -> task.cancel(reason));
	}

	/** One official act on the task: named in the audit trail, on the current version, saved. */
	InspectionTask act(long id, Integer version, String name, java.util.function.Consumer<InspectionTask> act) {
		audit.describe(name);
		InspectionTask task = task(id);
		if (version != null && version != task.version()) {
			throw new org.springframework.dao.OptimisticLockingFailureException(
					"stale version " + version + " (now " + task.version() + ")");
		}
		act.accept(task);
		return tasks.save(task);
	}

	private void requireOfficerOf(InspectionTask task, Long officer, boolean lead) {
		if (officer == null) {
			throw new InvalidInputException(lead ? "leadOfficerId" : "secondOfficerId", "请指定执法人员");
		}
		Boolean certified = jdbc.sql("""
				select 'LEAD_INSPECTOR' = any(certifications) from officer where id = :id and body_id = :body and active""")
			.param("id", officer).param("body", task.bodyId()).query(Boolean.class).optional()
			.orElseThrow(() -> new InvalidInputException(lead ? "leadOfficerId" : "secondOfficerId",
					"执法人员 " + officer + " 不是本执法主体的在岗执法人员"));
		if (lead && !certified) {
			throw new InvalidInputException("leadOfficerId", "主办人须具有主办人资格");
		}
	}

	static String[] strings(Array array) throws SQLException {
		return array == null ? new String[0] : (String[]) array.getArray();
	}
}
