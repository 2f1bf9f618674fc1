package org.anjian.planning.internal;

import org.anjian.audit.AuditAction;

/**
 * The acts of the planning module as the audit trail records them: on annual plans, on the holiday calendar, and on
 * officers' conflicts of interest and absences. The codes are those recorded since the acts exist.
 */
public enum PlanningAction implements AuditAction {

	PLAN_OPEN("plan.open", "新建年度执法计划"),
	PLAN_CONFIGURE("plan.configure", "修改计划参数"),
	PLAN_SUBMIT("plan.submit", "提交执法计划审批"),
	PLAN_RETURN("plan.return", "退回执法计划修改"),
	PLAN_APPROVE("plan.approve", "批准执法计划"),
	PLAN_PUBLISH("plan.publish", "发布执法计划"),
	PLAN_COMPOSE("plan.compose", "编制执法计划"),
	PLAN_SCHEDULE("plan.schedule", "执法计划排期"),
	PLAN_SPOT_CHECK("plan.spot-check", "增加督导式抽查"),
	PLAN_SECOND_INSPECTION("plan.second-inspection", "增加年内第二次检查"),
	PLAN_WITHDRAW_ITEM("plan.withdraw-item", "撤回计划检查事项"),
	PLAN_CAMPAIGN_ADD("plan.campaign-add", "设置专项检查"),
	PLAN_CAMPAIGN_REMOVE("plan.campaign-remove", "删除专项检查"),
	CALENDAR_ENTER("calendar.enter", "录入节假日安排"),
	CALENDAR_REMOVE("calendar.remove", "删除节假日安排"),
	CALENDAR_VERIFY("calendar.verify", "核对节假日安排"),
	CALENDAR_VERIFY_YEAR("calendar.verify-year", "核对全年节假日安排"),
	RECUSAL_DECLARE("officer.recusal.declare", "申报回避"),
	RECUSAL_WITHDRAW("officer.recusal.withdraw", "撤回回避申报"),
	ABSENCE_RECORD("officer.absence.record", "登记请假或外出"),
	ABSENCE_REMOVE("officer.absence.remove", "删除请假或外出登记");

	private final String code;

	private final String label;

	PlanningAction(String code, String label) {
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
