package org.anjian.organization.internal;

import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditedTable;

/** The organization's audited tables, as the audit trail names them. */
public enum OrganizationTable implements AuditedTable {

	JURISDICTION("jurisdiction", "行政区划", "/organization/jurisdictions/{id}"),
	ENFORCEMENT_BODY("enforcement_body", "执法主体", "/organization/bodies/{id}"),
	OFFICER("officer", "执法人员", "/organization/officers/{id}"),
	EXPERT("expert", "专家", "/organization/experts/{id}");

	private final AuditLabels.Entity entity;

	OrganizationTable(String table, String label, String page) {
		this.entity = new AuditLabels.Entity(table, label, page);
	}

	@Override
	public AuditLabels.Entity entity() {
		return entity;
	}
}
