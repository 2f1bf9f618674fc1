package org.anjian.trigger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anjian.audit.AuditTrail;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.hazard.HazardOverdue;
import org.anjian.hazard.HazardReinspectionFailed;
import org.anjian.inspection.InspectionOrigin;
import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.shared.ResultPage;
import org.anjian.shared.database.ConnectionScope;
import org.anjian.shared.database.PagedQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a trigger into an inspection, at most once per cause: when the enterprise already has an open task of the
 * same cause (the same rule and kind of alarm, or the same kind of event) the trigger is attached to it; else when
 * it has a planned inspection within {@link MergePolicy#MERGE_DAYS} days the trigger is merged into that one (统筹归并, no
 * second visit); else a task is opened for the body that supervises the enterprise. Every outcome is recorded with
 * its reason. Triggers of one enterprise are taken one at a time (a transaction-scoped lock on its credit code), so
 * that two alarms arriving together cannot open two tasks.
 */
@Service
public class TriggeredInspections {

	static final String BY = "system:trigger";

	static final String HAZARD_OVERDUE = "HAZARD_OVERDUE";
	static final String REINSPECTION_FAILED = "REINSPECTION_FAILED";
	static final String HAZARD_MATTER = "事故隐患排查治理";

	private static final String COLUMNS = """
			select r.id, r.uscc, r.origin, r.cause, r.alarm_id, r.rule_id, r.reason, r.outcome, r.decision, r.task_id,
			       r.recorded_at""";

	private static final String SELECT = COLUMNS + " from trigger_record r";

	private final JdbcClient jdbc;
	private final Inspections inspections;
	private final EnterpriseRegistry registry;
	private final TriggerRules rules;
	private final MergePolicy policy;
	private final AuditTrail audit;
	private final Clock clock;

	TriggeredInspections(JdbcClient jdbc, Inspections inspections, EnterpriseRegistry registry, TriggerRules rules,
			MergePolicy policy, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.inspections = inspections;
		this.registry = registry;
		this.rules = rules;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A page of the triggers within the caller's jurisdiction, newest first, counted up to its cap (alarms arrive in
	 * their thousands: the order is an index's, trigger_record_recent).
	 */
	public ResultPage<TriggerRecord> recent(Integer page) {
		Map<String, Object> params = new HashMap<>();
		ResultPage<TriggerRecord> found = PagedQuery.page(jdbc, COLUMNS,
				" from trigger_record r where true" + ConnectionScope.of(jdbc).narrowing("r", params),
				"order by r.recorded_at desc, r.id desc", params, TriggeredInspections::row, page, ResultPage.DEFAULT_SIZE);
		return found.withItems(named(found.items()));
	}

	/** What an alarm triggered, in the order it happened. */
	public List<TriggerRecord> ofAlarm(long alarmId) {
		return named(jdbc.sql(SELECT + " where r.alarm_id = :alarm order by r.id").param("alarm", alarmId)
			.query(TriggeredInspections::row).list());
	}

	/** What triggered a task: the trigger records that name it. */
	public List<TriggerRecord> ofTask(long taskId) {
		return named(jdbc.sql(SELECT + " where r.task_id = :task order by r.id").param("task", taskId)
			.query(TriggeredInspections::row).list());
	}

	/** The records with their enterprises' names, as far as the caller reaches the enterprises. */
	private List<TriggerRecord> named(List<TriggerRecord> records) {
		Map<String, String> names = registry.names(records.stream().map(TriggerRecord::uscc).toList());
		return records.stream().map(r -> r.withEnterpriseName(names.get(r.uscc()))).toList();
	}

	/** Takes the enterprise's triggers one at a time until the caller's transaction ends. */
	void lockEnterprise(String uscc) {
		lock("trigger:" + uscc);
	}

	/** A lock on a name until the caller's transaction ends; taken before any write (see {@link #lockEnterprise}). */
	void lock(String name) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))::text").param("key", name).query((rs, n) -> 1).single();
	}

	/**
	 * Judges a newly stored alarm by every active rule of its kind, in the caller's transaction (the alarm's). A
	 * rule that holds opens or merges a task; while that task is open, further alarms under the rule attach to it.
	 */
	List<TriggerRecord> onAlarm(Alarm alarm, AlarmSource source) {
		List<TriggerRecord> outcomes = new ArrayList<>();
		for (TriggerRule rule : rules.active()) {
			if (!rule.covers(alarm.kind())) {
				continue;
			}
			String cause = "rule:" + rule.id() + ":" + alarm.kind().name();
			String signal = "alarm:" + alarm.id() + ":rule:" + rule.id();
			int count = alarmsAround(alarm, rule.withinDays());
			String reason = "预警触发：" + rule.withinDays() + "日内" + alarm.kind().label() + "报警" + count + "次（监测源 "
					+ source.name() + "，最近一次报警编号 " + alarm.sourceAlarmId() + "）";
			// while the cause's task is open every further alarm is attached to it, below the count too
			if (count >= rule.alarms() || openTaskOf(alarm.uscc(), cause).isPresent()) {
				outcomes.add(trigger(alarm.uscc(), InspectionOrigin.ALARM, cause, signal, alarm.id(), rule.id(), reason,
						List.of(alarm.kind().matter())));
			}
		}
		return outcomes;
	}

	/**
	 * The most alarms of the alarm's kind at its enterprise in any window of {@code days} days that contains it.
	 * Alarms may arrive out of order, so the windows that start at each alarm up to {@code days} before this one
	 * are counted, not only the one that ends at it.
	 */
	private int alarmsAround(Alarm alarm, int days) {
		return jdbc.sql("""
				select coalesce(max((select count(*) from alarm b where b.uscc = a.uscc and b.kind = a.kind
				         and b.occurred_at between a.occurred_at and a.occurred_at + make_interval(days => :days))), 0)
				from alarm a where a.uscc = :uscc and a.kind = :kind
				and a.occurred_at between cast(:at as timestamptz) - make_interval(days => :days) and cast(:at as timestamptz)""")
			.param("uscc", alarm.uscc()).param("kind", alarm.kind().name()).param("days", days)
			.param("at", java.sql.Timestamp.from(alarm.occurredAt()))
			.query(Integer.class).single();
	}

	/** 逾期未整改: a follow-up inspection of the enterprise (事件触发), once per hazard and deadline. */
	@Transactional
	public TriggerRecord hazardOverdue(HazardOverdue overdue) {
		audit.describe(TriggerAction.HAZARD_OVERDUE);
		String reason = "事件触发：" + (overdue.major() ? "重大事故隐患" : "隐患") + "逾期未整改（隐患 " + overdue.hazardId()
				+ (overdue.description() == null ? "" : "：" + overdue.description()) + "，整改期限 " + overdue.deadline()
				+ "）";
		return onEvent(overdue.uscc(), HAZARD_OVERDUE,
				"hazard-overdue:" + overdue.hazardId() + ":" + overdue.deadline(), reason);
	}

	/** 复查不合格: a follow-up inspection of the enterprise (事件触发), once per hazard and new deadline. */
	@Transactional
	public TriggerRecord reinspectionFailed(HazardReinspectionFailed failed) {
		audit.describe(TriggerAction.REINSPECTION_FAILED);
		String reason = "事件触发：" + (failed.major() ? "重大事故隐患" : "隐患") + "复查不合格（隐患 " + failed.hazardId()
				+ (failed.reason() == null ? "" : "：" + failed.reason()) + "，新整改期限 " + failed.newDeadline() + "）";
		return onEvent(failed.uscc(), REINSPECTION_FAILED,
				"reinspection-failed:" + failed.hazardId() + ":" + failed.newDeadline(), reason);
	}

	private TriggerRecord onEvent(String uscc, String cause, String signal, String reason) {
		lockEnterprise(uscc);
		Optional<TriggerRecord> earlier = jdbc.sql(SELECT + " where r.signal = :signal").param("signal", signal)
			.query(TriggeredInspections::row).optional();
		if (earlier.isPresent()) {
			return named(List.of(earlier.get())).get(0); // the same event delivered again
		}
		return trigger(uscc, InspectionOrigin.EVENT, cause, signal, null, null, reason, List.of(HAZARD_MATTER));
	}

	private TriggerRecord trigger(String uscc, InspectionOrigin origin, String cause, String signal, Long alarmId,
			Long ruleId, String reason, List<String> matters) {
		Enterprise enterprise = registry.file(uscc);
		LocalDate today = LocalDate.now(clock);
		MergePolicy.Decision decision = policy.decide(openTaskOf(uscc, cause), plannedFrom(uscc, today), today);
		long taskId;
		switch (decision.outcome()) {
			case ATTACHED:
				taskId = decision.taskId();
				break;
			case MERGED:
				taskId = inspections.mergeTriggered(decision.taskId(), reason, matters).id();
				break;
			default:
				taskId = inspections.openTriggered(uscc, origin, reason, matters, BY).id();
		}
		audit.describe(TriggerAction.RECORD_OUTCOME);
		long id = jdbc.sql("""
				insert into trigger_record (district_code, street_code, uscc, origin, cause, signal, alarm_id, rule_id,
				                            reason, outcome, decision, task_id)
				values (:district, :street, :uscc, :origin, :cause, :signal, :alarm, :rule, :reason, :outcome, :decision,
				        :task)
				returning id""")
			.param("district", enterprise.districtCode()).param("street", enterprise.streetCode())
			.param("uscc", enterprise.uscc()).param("origin", origin.name()).param("cause", cause)
			.param("signal", signal).param("alarm", alarmId).param("rule", ruleId).param("reason", reason)
			.param("outcome", decision.outcome().name()).param("decision", decision.why()).param("task", taskId)
			.query(Long.class).single();
		return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(TriggeredInspections::row).single()
			.withEnterpriseName(enterprise.name());
	}

	/** The task of the cause's latest trigger, while it still takes the cause's triggers ({@link MergePolicy}). */
	private Optional<Long> openTaskOf(String uscc, String cause) {
		return jdbc.sql("""
				select task_id from trigger_record where uscc = :uscc and cause = :cause order by id desc limit 1""")
			.param("uscc", uscc).param("cause", cause).query(Long.class).optional()
			.filter(task -> policy.takesTriggers(inspections.task(task).status()));
	}

	/** The enterprise's earliest planned inspection from today up to the last day a merge reaches. */
	private Optional<MergePolicy.Planned> plannedFrom(String uscc, LocalDate today) {
		return inspections.plannedBetween(uscc, today, policy.mergeUntil(today))
			.map((InspectionTask task) -> new MergePolicy.Planned(task.id(), task.plannedOn()));
	}

	static TriggerRecord row(ResultSet rs, int n) throws SQLException {
		return new TriggerRecord(rs.getLong("id"), rs.getString("uscc"), null, rs.getString("origin"),
				rs.getString("cause"), (Long) rs.getObject("alarm_id"), (Long) rs.getObject("rule_id"),
				rs.getString("reason"), TriggerOutcome.valueOf(rs.getString("outcome")), rs.getString("decision"),
				rs.getLong("task_id"),
				rs.getTimestamp("recorded_at").toInstant());
	}
}
