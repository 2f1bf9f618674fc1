package org.anjian.identity.internal;

import org.anjian.audit.AuditedTable;

/** Identity's audited table, as the audit trail names it. */
public enum AccountTable implements AuditedTable {

	APP_USER("app_user", "用户账号", "/admin/users/{id}/edit");

	private final String table;
	private final String label;
	private final String page;

	AccountTable(String table, String label, String page) {
		this.table = table;
		this.label = label;
		this.page = page;
	}

	@Override
	public String table() {
		return table;
	}

	@Override
	public String label() {
		return label;
	}

	@Override
	public String page() {
		return page;
	}
}
