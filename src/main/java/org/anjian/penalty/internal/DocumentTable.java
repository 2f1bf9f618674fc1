package org.anjian.penalty.internal;

import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditedTable;

/** The audited tables of the penalty documents, as the audit trail names them. */
public enum DocumentTable implements AuditedTable {

	PENALTY_DOCUMENT("penalty_document", "行政处罚文书"),
	PENALTY_DOCUMENT_COUNTER("penalty_document_counter", "行政处罚文书编号");

	private final AuditLabels.Entity entity;

	DocumentTable(String table, String label) {
		this.entity = new AuditLabels.Entity(table, label, null);
	}

	@Override
	public AuditLabels.Entity entity() {
		return entity;
	}
}
