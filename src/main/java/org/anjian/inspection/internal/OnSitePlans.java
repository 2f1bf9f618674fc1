package org.anjian.inspection.internal;

import java.util.List;

import org.anjian.audit.AuditTrail;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The on-site inspection plan (现场检查方案) of a task, assembled by modules following "进一门、查多事": the general
 * items, then those of the enterprise's sector (and industry), then those of its risk tags, then the campaign's —
 * each limited to the task's matters where an item serves a matter ({@link ChecklistLibrary#applicable}). Officers may add or remove items while the
 * task is open; a leader approves the plan before the visit.
 */
@Service
public class OnSitePlans {

	private final Inspections inspections;
	private final ChecklistLibrary library;
	private final EnterpriseRegistry registry;
	private final JdbcClient jdbc;
	private final AuditTrail audit;

	OnSitePlans(Inspections inspections, ChecklistLibrary library, EnterpriseRegistry registry, JdbcClient jdbc,
			AuditTrail audit) {
		this.inspections = inspections;
		this.library = library;
		this.registry = registry;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A planned item with what the record needs to show. */
	public record PlannedItem(long checklistItemId, String code, String module, String text, String legalBasis,
			boolean majorHazard, String status, int position) {
	}

	public List<PlannedItem> items(long taskId) {
		inspections.task(taskId);
		return jdbc.sql("""
				select c.id, c.code, p.module, c.text, c.legal_basis || coalesce(' ' || c.clause, ''), c.major_hazard,
				       c.status, p.position
				from inspection_plan_item p join checklist_item c on c.id = p.checklist_item_id
				where p.task_id = :task order by p.position""")
			.param("task", taskId)
			.query((rs, n) -> new PlannedItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getInt(8)))
			.list();
	}

	/** Assembles the plan anew from the library; returns the number of items. */
	@Authorized(Act.DRAFT_INSPECTION_PLAN)
	@Transactional
	public int assemble(long taskId) {
		audit.describe(InspectionAction.ASSEMBLE_PLAN);
		InspectionTask task = inspections.task(taskId);
		if (task.remote()) {
			// a remote plan holds remote-eligible items only: RemoteInspections.assembleRemote assembles it
			throw new InvalidInputException("items", "非现场检查任务的检查方案只能由可以非现场检查的检查项组成，请编制非现场检查方案");
		}
		task.requireEditable("编制检查方案");
		jdbc.sql("delete from inspection_plan_item where task_id = :task").param("task", taskId).update();
		Enterprise enterprise = registry.file(task.uscc());
		List<ChecklistItem> applicable = library.applicable(enterprise.sector(), enterprise.industryCode(),
				enterprise.riskTags(), task.matters());
		int position = 0;
		for (ChecklistItem item : applicable) {
			jdbc.sql("""
					insert into inspection_plan_item (task_id, checklist_item_id, district_code, street_code, module, position)
					values (:task, :item, :district, :street, :module, :position)""")
				.param("task", taskId).param("item", item.id()).param("district", task.districtCode())
				.param("street", task.streetCode()).param("module", item.module()).param("position", ++position)
				.update();
		}
		int items = applicable.size();
		if (items == 0) {
			throw new InvalidInputException("items", "检查项库中没有适用于该企业和执法事项的检查项");
		}
		return items;
	}

	/** Adds one item of the library to an open task's plan, at the end. */
	@Authorized(Act.DRAFT_INSPECTION_PLAN)
	@Transactional
	public void add(long taskId, long checklistItemId) {
		audit.describe(InspectionAction.ADD_PLAN_ITEM);
		InspectionTask task = inspections.task(taskId);
		task.requireEditable("调整检查方案");
		int added = jdbc.sql("""
				insert into inspection_plan_item (task_id, checklist_item_id, district_code, street_code, module, position)
				select :task, c.id, :district, :street, c.module,
				       coalesce((select max(position) from inspection_plan_item where task_id = :task), 0) + 1
				from checklist_item c where c.id = :item and c.active and (c.remote_eligible or not :remote)
				on conflict do nothing""")
			.param("task", taskId).param("item", checklistItemId).param("remote", task.remote())
			.param("district", task.districtCode())
			.param("street", task.streetCode()).update();
		if (added == 0) {
			throw new InvalidInputException("checklistItemId", "检查项 " + checklistItemId
					+ (task.remote() ? " 不存在、已停用、已在方案中或不能非现场检查" : " 不存在、已停用或已在方案中"));
		}
	}

	/** Adds the active item of the library with this code (e.g. GEN-001, HC2017-05); returns the code as found. */
	@Authorized(Act.DRAFT_INSPECTION_PLAN)
	@Transactional
	public String add(long taskId, String code) {
		String wanted = code == null ? "" : code.trim();
		long item = jdbc.sql("select id from checklist_item where code = :code and active").param("code", wanted)
			.query(Long.class).optional()
			.orElseThrow(() -> new InvalidInputException("code", "检查项编号“" + wanted + "”不存在或已停用"));
		add(taskId, item);
		return wanted;
	}

	@Authorized(Act.DRAFT_INSPECTION_PLAN)
	@Transactional
	public void remove(long taskId, long checklistItemId) {
		audit.describe(InspectionAction.REMOVE_PLAN_ITEM);
		inspections.task(taskId).requireEditable("调整检查方案");
		jdbc.sql("delete from inspection_plan_item where task_id = :task and checklist_item_id = :item")
			.param("task", taskId).param("item", checklistItemId).update();
	}
}
