package org.anjian.organization.internal;

import org.anjian.audit.AuditAction;

/** The acts on bodies, officers and experts as the audit trail records them, with the words people read. */
public enum OrganizationAction implements AuditAction {

	BODY_RENAME("body.rename", "更改执法主体名称"),
	OFFICER_APPOINT("officer.appoint", "登记执法人员"),
	OFFICER_UPDATE("officer.update", "修改执法人员信息"),
	EXPERT_REGISTER("expert.register", "登记专家"),
	EXPERT_UPDATE("expert.update", "修改专家信息");

	private final String code;
	private final String label;

	OrganizationAction(String code, String label) {
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
