package org.anjian.identity.internal;

import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditedTable;

/** Identity's audited table, as the audit trail names it. */
public enum AccountTable implements AuditedTable {

	APP_USER("app_user", "用户账号", "/admin/users/{id}/edit");

	private final AuditLabels.Entity entity;

	AccountTable(String table, String label, String page) {
		this.entity = new AuditLabels.Entity(table, label, page);
	}

	@Override
	public AuditLabels.Entity entity() {
		return entity;
	}
}
