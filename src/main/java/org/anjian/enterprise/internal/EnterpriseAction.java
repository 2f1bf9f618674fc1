package org.anjian.enterprise.internal;

import org.anjian.audit.AuditAction;

/** The registry's acts as the audit trail records them, with the words an officer reads in a file's history. */
public enum EnterpriseAction implements AuditAction {

	REGISTER("enterprise.register", "登记建档"),
	UPDATE("enterprise.update", "修改档案"),
	UPDATE_CONTACT("enterprise.updateContact", "更新联系人"),
	IMPORT_REGISTER("enterprise.importRegister", "批量导入建档"),
	IMPORT_UPDATE("enterprise.importUpdate", "批量导入修改档案"),
	OVERRIDE_LEVEL("enterprise.overrideLevel", "调整监管层级"),
	RESTORE_RULE_LEVEL("enterprise.restoreRuleLevel", "恢复按规则确定监管层级"),
	SUSPEND("enterprise.suspend", "停业"),
	RESUME("enterprise.resume", "恢复营业"),
	DEREGISTER("enterprise.deregister", "注销"),
	/** A generated city loaded in bulk, recorded as one summary instead of a record per enterprise. */
	GENERATE("enterprise.generate", "批量生成企业档案");

	private final String code;
	private final String label;

	EnterpriseAction(String code, String label) {
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
