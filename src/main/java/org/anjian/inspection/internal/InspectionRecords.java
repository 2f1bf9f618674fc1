package org.anjian.inspection.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.anjian.audit.AuditTrail;
import org.anjian.audit.OfficialActs;
import org.anjian.inspection.InspectionFinished;
import org.anjian.inspection.InspectionStatus;
import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of an inspection (现场检查记录), item by item: each save of an item's result replaces the earlier one,
 * so a save repeated after a dropped connection leaves one result, and nothing recorded is lost when the phone
 * goes offline between items. Finishing needs every planned item recorded and two officers; the failed items are
 * the inspection's findings, which {@link InspectionFinished} carries to whoever acts on them (the hazard module
 * orders each rectified in the same transaction).
 */
@Service
public class InspectionRecords {

	private final Inspections inspections;
	private final InspectionTasks tasks;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final OfficialActs acts;
	private final Clock clock;

	InspectionRecords(Inspections inspections, InspectionTasks tasks, JdbcClient jdbc, AuditTrail audit, OfficialActs acts,
			Clock clock) {
		this.inspections = inspections;
		this.tasks = tasks;
		this.jdbc = jdbc;
		this.audit = audit;
		this.acts = acts;
		this.clock = clock;
	}

	public enum Outcome {
		PASS("合格"), FAIL("不合格"), NOT_APPLICABLE("不适用");

		private final String label;

		Outcome(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Result(long checklistItemId, Outcome outcome, String note, String recordedBy, Instant recordedAt) {
	}

	public List<Result> results(long taskId) {
		inspections.task(taskId);
		return jdbc.sql("""
				select checklist_item_id, outcome, note, recorded_by, recorded_at from inspection_result
				where task_id = :task order by checklist_item_id""")
			.param("task", taskId)
			.query((rs, n) -> new Result(rs.getLong(1), Outcome.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	/**
	 * The findings of a task as recorded so far: each failed item in the order of the on-site plan, described by the
	 * item's text and the officer's note, with its legal basis and clause.
	 */
	public List<InspectionFinished.Finding> findings(long taskId) {
		return jdbc.sql("""
				select c.id, c.text || '：' || r.note, c.legal_basis || coalesce(' ' || c.clause, ''), c.major_hazard
				from inspection_result r
				join checklist_item c on c.id = r.checklist_item_id
				left join inspection_plan_item p on p.task_id = r.task_id and p.checklist_item_id = r.checklist_item_id
				where r.task_id = :task and r.outcome = 'FAIL'
				order by p.position, r.checklist_item_id""")
			.param("task", taskId)
			.query((rs, n) -> new InspectionFinished.Finding(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getBoolean(4)))
			.list();
	}

	/** Records (or records again) one planned item's result; the first result starts the inspection. */
	@Authorized(Act.RECORD_INSPECTION)
	@Transactional
	public Result record(long taskId, long checklistItemId, Outcome outcome, String note, BigDecimal longitude,
			BigDecimal latitude, String by) {
		audit.describe(InspectionAction.RECORD);
		// saves of one task take turns on its row: two first saves at once (two officers, or a retry racing its
		// original) both land, the second finding the inspection started, instead of one failing as a stale version
		jdbc.sql("select 1 from inspection_task where id = :task for update").param("task", taskId).query(Integer.class)
			.optional();
		InspectionTask task = inspections.task(taskId);
		if (outcome == null) {
			throw new InvalidInputException("outcome", "请选择 合格、不合格 或 不适用");
		}
		if (outcome == Outcome.FAIL && (note == null || note.isBlank())) {
			throw new InvalidInputException("note", "不合格项须写明发现的问题");
		}
		Instant now = clock.instant();
		if (task.status() == InspectionStatus.PLAN_APPROVED) {
			task.record(now);
			tasks.save(task);
		}
		else if (task.status() != InspectionStatus.IN_PROGRESS) {
			throw new InvalidTransitionException(task.status().name(), "RECORD",
					"检查任务当前为“" + task.status().label() + "”，检查方案经批准后才能记录，完成后不能再改");
		}
		int saved = jdbc.sql("""
				insert into inspection_result (task_id, checklist_item_id, district_code, street_code, outcome, note,
				    recorded_by, recorded_at, longitude, latitude)
				select :task, :item, :district, :street, :outcome, :note, :by, :at, :lon, :lat
				where exists (select 1 from inspection_plan_item where task_id = :task and checklist_item_id = :item)
				on conflict (task_id, checklist_item_id) do update set outcome = excluded.outcome, note = excluded.note,
				    recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at,
				    longitude = excluded.longitude, latitude = excluded.latitude""")
			.param("task", taskId).param("item", checklistItemId).param("district", task.districtCode())
			.param("street", task.streetCode()).param("outcome", outcome.name())
			.param("note", note == null || note.isBlank() ? null : note.trim()).param("by", by)
			.param("at", Timestamp.from(now)).param("lon", longitude).param("lat", latitude)
			.update();
		if (saved == 0) {
			throw new InvalidInputException("checklistItemId", "检查项 " + checklistItemId + " 不在本次检查方案中");
		}
		return new Result(checklistItemId, outcome, note, by, now);
	}

	/**
	 * Finishes the record: every planned item recorded. The event of the finished record, with its findings, is
	 * published in the same transaction, so what listeners do with the findings commits with the record or not at
	 * all.
	 */
	@Authorized(Act.FINISH_INSPECTION)
	@Transactional
	public InspectionFinished finish(long taskId, Integer version) {
		Instant now = clock.instant();
		InspectionFinished[] finished = new InspectionFinished[1];
		acts.perform(InspectionAction.FINISH, inspections.task(taskId), version, task -> {
			int missing = jdbc.sql("""
					select count(*) from inspection_plan_item p where p.task_id = :task
					and not exists (select 1 from inspection_result r where r.task_id = p.task_id
					                and r.checklist_item_id = p.checklist_item_id)""")
				.param("task", taskId).query(Integer.class).single();
			if (missing > 0) {
				throw new InvalidInputException("results", "还有 " + missing + " 个检查项没有记录结果，请逐项记录后再完成");
			}
			task.finish(now, "检记〔" + LocalDate.ofInstant(now, clock.getZone()).getYear() + "〕" + taskId + "号");
			jdbc.sql("""
					insert into inspection_participant (task_id, district_code, street_code, officer_id, role)
					values (:task, :district, :street, :lead, 'LEAD'), (:task, :district, :street, :second, 'OFFICER')
					on conflict do nothing""")
				.param("task", taskId).param("district", task.districtCode()).param("street", task.streetCode())
				.param("lead", task.leadOfficerId()).param("second", task.secondOfficerId()).update();
		}, tasks::save, task -> finished[0] = new InspectionFinished(task.id(), task.uscc(), task.districtCode(),
				task.streetCode(), task.finishedAt(), findings(taskId)));
		return finished[0];
	}
}
