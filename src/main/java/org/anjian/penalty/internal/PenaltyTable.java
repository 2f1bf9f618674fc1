package org.anjian.penalty.internal;

import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditedTable;

/** The penalty module's audited tables, as the audit trail names them. */
public enum PenaltyTable implements AuditedTable {

	PENALTY_CASE("penalty_case", "行政处罚案件", "/penalty-cases/{id}"),
	PENALTY_EVIDENCE("penalty_evidence", "行政处罚案件证据", "/penalty-cases/{case_id}");

	private final AuditLabels.Entity entity;

	PenaltyTable(String table, String label, String page) {
		this.entity = new AuditLabels.Entity(table, label, page);
	}

	@Override
	public AuditLabels.Entity entity() {
		return entity;
	}
}
