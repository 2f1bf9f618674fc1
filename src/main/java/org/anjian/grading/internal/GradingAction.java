package org.anjian.grading.internal;

import org.anjian.audit.AuditAction;

/** What the grading module records in the audit trail under its own name, with the label people read. */
public enum GradingAction implements AuditAction {

	/** One summary of a full regrade of the city, instead of a million rows of derived data. */
	REGRADE("regrade", "全市重新评级"),
	/** One summary of a generated history of facts (data generation, the demo), instead of a row per fact. */
	GENERATE_FACTS("grading.generate-facts", "生成企业事实数据（汇总记录）");

	private final String code;

	private final String label;

	GradingAction(String code, String label) {
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
