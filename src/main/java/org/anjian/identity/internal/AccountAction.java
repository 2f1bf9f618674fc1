package org.anjian.identity.internal;

import org.anjian.audit.AuditAction;

/** The acts on accounts as the audit trail names them. */
public enum AccountAction implements AuditAction {

	OPEN("account.open", "开设账号"),
	UPDATE("account.update", "修改账号"),
	RESET_PASSWORD("account.resetPassword", "重置密码"),
	OPEN_FOR_ENTERPRISE("account.openForEnterprise", "为企业开设账号"),
	LINK_ENTERPRISE("account.linkEnterprise", "关联企业账号");

	private final String code;
	private final String label;

	AccountAction(String code, String label) {
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
