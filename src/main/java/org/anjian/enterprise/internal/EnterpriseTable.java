package org.anjian.enterprise.internal;

import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditedTable;

/** The registry's audited tables, as the audit trail names them. */
public enum EnterpriseTable implements AuditedTable {

	ENTERPRISE("enterprise", "企业档案", "/enterprises/{id}"),
	CITY_KEY_LIST("city_key_list", "市级重点单位名单", "/enterprises/{id}"),
	SUPERVISION_RULE("supervision_rule", "监管层级规则", null),
	INDUSTRY_SECTION("industry_section", "国民经济行业门类", null),
	INDUSTRY_DIVISION("industry_division", "国民经济行业大类", null);

	private final AuditLabels.Entity entity;

	EnterpriseTable(String table, String label, String page) {
		this.entity = new AuditLabels.Entity(table, label, page);
	}

	@Override
	public AuditLabels.Entity entity() {
		return entity;
	}
}
