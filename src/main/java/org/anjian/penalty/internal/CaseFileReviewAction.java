package org.anjian.penalty.internal;

import org.anjian.audit.AuditAction;

/** The acts of case-file review as the audit trail records them. */
public enum CaseFileReviewAction implements AuditAction {

	DRAW("penalty.case-file-draw", "抽取评查案卷"),
	REVIEW("penalty.case-file-review", "评查案卷");

	private final String code;
	private final String label;

	CaseFileReviewAction(String code, String label) {
		this.code = code;
		this.label = label;
	}

	@Override
	public String code() {
		return code;
	}

	@Override
	public String label() {
		return label;
	}
}
