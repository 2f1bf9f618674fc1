package org.anjian.planning.internal;

import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditedTable;

/** The planning module's audited tables, as the audit trail names them. */
public enum PlanningTable implements AuditedTable {

	ANNUAL_PLAN("annual_plan", "年度执法计划", "/plans/{id}"),
	PLAN_ITEM("plan_item", "计划检查事项", "/plans/{plan_id}"),
	PLAN_DRAW("plan_draw", "双随机抽取", "/plans/{plan_id}"),
	PLAN_DRAW_RESULT("plan_draw_result", "抽取结果", null),
	PLAN_AMENDMENT("plan_amendment", "计划调整", "/plans/{plan_id}"),
	PLAN_CAMPAIGN("plan_campaign", "专项检查", "/plans/{plan_id}"),
	OFFICER_RECUSAL("officer_recusal", "回避申报", "/officers/availability"),
	OFFICER_ABSENCE("officer_absence", "请假外出登记", "/officers/availability"),
	PUBLIC_HOLIDAY("public_holiday", "节假日安排", "/calendar");

	private final AuditLabels.Entity entity;

	PlanningTable(String table, String label, String page) {
		this.entity = new AuditLabels.Entity(table, label, page);
	}

	@Override
	public AuditLabels.Entity entity() {
		return entity;
	}
}
