package org.anjian.penalty.internal;

import org.anjian.audit.AuditAction;

/** The administrator's acts on the penalty catalogue and the exempt list, as the audit trail records them. */
public enum CatalogueAction implements AuditAction {

	LOAD("penalty.catalogue-load", "载入裁量目录"),
	REVISE_ENTRY("penalty.catalogue-revise", "修订裁量目录条目"),
	LINK("penalty.catalogue-link", "关联检查项与裁量目录条目"),
	UNLINK("penalty.catalogue-unlink", "取消检查项与裁量目录条目的关联"),
	ADD_EXEMPTION("penalty.exemption-add", "列入免罚清单"),
	REVISE_EXEMPTION("penalty.exemption-revise", "修改免罚清单条目"),
	WITHDRAW_EXEMPTION("penalty.exemption-withdraw", "撤销免罚清单条目");

	private final String code;
	private final String label;

	CatalogueAction(String code, String label) {
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
