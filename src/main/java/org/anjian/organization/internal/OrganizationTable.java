package org.anjian.organization.internal;

import org.anjian.audit.AuditedTable;

/** The organization's audited tables, as the audit trail names them. */
public enum OrganizationTable implements AuditedTable {

	JURISDICTION("jurisdiction", "行政区划", "/organization/jurisdictions/{id}"),
	ENFORCEMENT_BODY("enforcement_body", "执法主体", "/organization/bodies/{id}"),
	OFFICER("officer", "执法人员", "/organization/officers/{id}"),
	EXPERT("expert", "专家", "/organization/experts/{id}");

	private final String table;
	private final String label;
	private final String page;

	OrganizationTable(String table, String label, String page) {
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
