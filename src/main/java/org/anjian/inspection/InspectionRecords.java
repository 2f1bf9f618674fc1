package org.anjian.inspection;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.anjian.audit.AuditTrail;
import org.anjian.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of an inspection (现场检查记录), item by item: each save of an item's result replaces the earlier one,
 * so a save repeated after a dropped connection leaves one result, and nothing recorded is lost when the phone
 * goes offline between items. Finishing needs every planned item recorded and two officers; each failed item
 * becomes a hazard (事故隐患) with a rectification deadline, a major one when the item is an official
 * major-hazard criterion.
 */
@Service
public class InspectionRecords {

	/** Days to rectify, as the rectification order (责令限期整改指令书) states them unless an officer sets others. */
	static final int DAYS_TO_RECTIFY = 30;
	static final int DAYS_TO_RECTIFY_MAJOR = 90;

	private final Inspections inspections;
	private final InspectionTasks tasks;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock = Clock.system(Inspections.SHANGHAI);

	InspectionRecords(Inspections inspections, InspectionTasks tasks, JdbcClient jdbc, AuditTrail audit,
			ApplicationEventPublisher events) {
		this.inspections = inspections;
		this.tasks = tasks;
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
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

	/** Records (or records again) one planned item's result; the first result starts the inspection. */
	@Transactional
	public Result record(long taskId, long checklistItemId, Outcome outcome, String note, BigDecimal longitude,
			BigDecimal latitude, String by) {
		audit.describe("inspection.record");
		InspectionTask task = inspections.task(taskId);
		if (outcome == null) {
			throw new InvalidInputException("outcome", "请选择 合格、不合格 或 不适用");
		}
		if (outcome == Outcome.FAIL && (note == null || note.isBlank())) {
			throw new InvalidInputException("note", "不合格项须写明发现的问题");
		}
		if (task.status() == InspectionStatus.PLAN_APPROVED) {
			task.record(clock.instant());
			tasks.save(task);
		}
		else if (task.status() != InspectionStatus.IN_PROGRESS) {
			throw new org.anjian.shared.InvalidTransitionException(task.status().name(), "RECORD",
					"检查任务当前为“" + task.status().label() + "”，检查方案经批准后才能记录，完成后不能再改");
		}
		Instant now = clock.instant();
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

	/** Finishes the record: every planned item recorded; failed items become hazards. */
	@Transactional
	public InspectionFinished finish(long taskId, Integer version) {
		InspectionFinished[] finished = new InspectionFinished[1];
		inspections.act(taskId, version, "inspection.finish", task -> {
			int missing = jdbc.sql("""
					select count(*) from inspection_plan_item p where p.task_id = :task
					and not exists (select 1 from inspection_result r where r.task_id = p.task_id
					                and r.checklist_item_id = p.checklist_item_id)""")
				.param("task", taskId).query(Integer.class).single();
			if (missing > 0) {
				throw new InvalidInputException("results", "还有 " + missing + " 个检查项没有记录结果，请逐项记录后再完成");
			}
			Instant now = clock.instant();
			task.finish(now, "检记〔" + LocalDate.ofInstant(now, Inspections.SHANGHAI).getYear() + "〕" + taskId + "号");
			jdbc.sql("""
					insert into inspection_participant (task_id, district_code, street_code, officer_id, role)
					values (:task, :district, :street, :lead, 'LEAD'), (:task, :district, :street, :second, 'OFFICER')
					on conflict do nothing""")
				.param("task", taskId).param("district", task.districtCode()).param("street", task.streetCode())
				.param("lead", task.leadOfficerId()).param("second", task.secondOfficerId()).update();
			LocalDate today = LocalDate.ofInstant(now, Inspections.SHANGHAI);
			int hazards = jdbc.sql("""
					insert into hazard (district_code, street_code, uscc, task_id, checklist_item_id, description,
					    legal_basis, major, status, found_at, deadline)
					select :district, :street, :uscc, :task, c.id, c.text || '：' || r.note,
					       c.legal_basis || coalesce(' ' || c.clause, ''), c.major_hazard, 'FOUND', :at,
					       case when c.major_hazard then :majorDeadline else :deadline end
					from inspection_result r join checklist_item c on c.id = r.checklist_item_id
					where r.task_id = :task and r.outcome = 'FAIL'""")
				.param("district", task.districtCode()).param("street", task.streetCode()).param("uscc", task.uscc())
				.param("task", taskId).param("at", Timestamp.from(now))
				.param("deadline", today.plusDays(DAYS_TO_RECTIFY))
				.param("majorDeadline", today.plusDays(DAYS_TO_RECTIFY_MAJOR))
				.update();
			int major = jdbc.sql("select count(*) from hazard where task_id = :task and major").param("task", taskId)
				.query(Integer.class).single();
			finished[0] = new InspectionFinished(taskId, task.uscc(), hazards, major);
		});
		events.publishEvent(finished[0]);
		return finished[0];
	}
}
