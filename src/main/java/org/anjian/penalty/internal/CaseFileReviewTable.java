package org.anjian.penalty.internal;

import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditedTable;

/** The case-file review's audited tables, as the audit trail names them. */
public enum CaseFileReviewTable implements AuditedTable {

	CASE_FILE_DRAW("case_file_draw", "评查案卷抽取", null),
	CASE_FILE_REVIEW("case_file_review", "案卷评查", "/penalty-reviews/{id}");

	private final AuditLabels.Entity entity;

	CaseFileReviewTable(String table, String label, String page) {
		this.entity = new AuditLabels.Entity(table, label, page);
	}

	@Override
	public AuditLabels.Entity entity() {
		return entity;
	}
}
