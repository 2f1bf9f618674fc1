package org.anjian.grading.internal;

import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditedTable;

/** The grading module's audited tables, as the audit trail names them. */
public enum GradingTable implements AuditedTable {

	SCORING_POLICY("scoring_policy", "评分规则", "/admin/scoring/{version}"),
	SCORING_ITEM("scoring_item", "评分规则计分项", "/admin/scoring/{policy_version}"),
	SCORING_FACTOR("scoring_factor", "评分规则事实计分", "/admin/scoring/{policy_version}"),
	SCORING_OVERRIDE("scoring_override", "评分规则直接定级", "/admin/scoring/{policy_version}"),
	RISK_FACT("risk_fact", "风险事实", "/enterprises/{uscc}/portrait"),
	RISK_GRADE("risk_grade", "风险等级", "/enterprises/{id}/portrait"),
	GRADE_CHANGE("grade_change", "等级变化", "/enterprises/{uscc}/portrait"),
	GRADING_RUN("grading_run", "全市评级批次", null),
	WATCH_ENTRY("watch_entry", "不放心企业", "/enterprises/{uscc}/portrait");

	private final AuditLabels.Entity entity;

	GradingTable(String table, String label, String page) {
		this.entity = new AuditLabels.Entity(table, label, page);
	}

	@Override
	public AuditLabels.Entity entity() {
		return entity;
	}
}
