package org.anjian.inspection.internal;

import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditedTable;

/** The inspection module's audited tables, as the audit trail names them. */
public enum InspectionTable implements AuditedTable {

	CHECKLIST_ITEM("checklist_item", "检查项", "/checklists/{id}"),
	CHECKLIST_ITEM_VERSION("checklist_item_version", "检查项历史版本", "/checklists/{item_id}"),
	INSPECTION_TASK("inspection_task", "检查任务", "/inspections/{id}"),
	INSPECTION_PLAN_ITEM("inspection_plan_item", "检查方案检查项", "/inspections/{task_id}"),
	INSPECTION_RESULT("inspection_result", "检查结果", "/inspections/{task_id}"),
	INSPECTION_PHOTO("inspection_photo", "现场照片", "/inspections/{task_id}"),
	INSPECTION_PARTICIPANT("inspection_participant", "检查参与人员", "/inspections/{task_id}"),
	INSPECTION_RATING("inspection_rating", "企业评价", "/inspections/{task_id}"),
	INSPECTION_MATERIAL("inspection_material", "非现场检查材料", "/inspections/{task_id}/materials");

	private final AuditLabels.Entity entity;

	InspectionTable(String table, String label, String page) {
		this.entity = new AuditLabels.Entity(table, label, page);
	}

	@Override
	public AuditLabels.Entity entity() {
		return entity;
	}
}
