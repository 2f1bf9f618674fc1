package org.anjian.trigger.internal;

import org.anjian.audit.AuditAction;

/** The acts of triggered inspection as the audit trail records them. */
public enum TriggerAction implements AuditAction {

	RECEIVE_ALARM("trigger.receive-alarm", "接收监测报警"),
	REGISTER_ALARM_SOURCE("trigger.register-alarm-source", "登记监测源"),
	DEACTIVATE_ALARM_SOURCE("trigger.deactivate-alarm-source", "停用监测源"),
	ADD_RULE("trigger.add-rule", "新增触发规则"),
	CHANGE_RULE("trigger.change-rule", "修改触发规则"),
	HAZARD_OVERDUE("trigger.hazard-overdue", "隐患逾期未整改触发检查"),
	REINSPECTION_FAILED("trigger.reinspection-failed", "隐患复查不合格触发检查"),
	RECORD_OUTCOME("trigger.record-outcome", "记录触发结果");

	private final String code;
	private final String label;

	TriggerAction(String code, String label) {
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
