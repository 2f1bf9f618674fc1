package org.anjian.hazard.internal;

import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditedTable;

/** The hazard module's audited tables, as the audit trail names them. */
public enum HazardTable implements AuditedTable {

	HAZARD("hazard", "隐患", "/hazards/{id}"),
	HAZARD_REMINDER("hazard_reminder", "整改提醒", "/hazards/{hazard_id}"),
	HAZARD_LISTING("hazard_listing", "挂牌督办", "/hazards/{hazard_id}/listing"),
	HAZARD_PROGRESS("hazard_progress", "整改进展报告", null),
	DEPARTMENT_NOTICE("department_notice", "抄告", "/hazards/{hazard_id}/notices"),
	HAZARD_EVIDENCE("hazard_evidence", "整改材料", "/hazards/{hazard_id}");

	private final AuditLabels.Entity entity;

	HazardTable(String table, String label, String page) {
		this.entity = new AuditLabels.Entity(table, label, page);
	}

	@Override
	public AuditLabels.Entity entity() {
		return entity;
	}
}
