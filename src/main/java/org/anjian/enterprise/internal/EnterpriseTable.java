package org.anjian.enterprise.internal;

import org.anjian.audit.AuditedTable;

/** The registry's audited tables, as the audit trail names them. */
public enum EnterpriseTable implements AuditedTable {

	ENTERPRISE("enterprise", "企业档案", "/enterprises/{id}"),
	CITY_KEY_LIST("city_key_list", "市级重点单位名单", "/enterprises/{id}"),
	SUPERVISION_RULE("supervision_rule", "监管层级规则", null),
	INDUSTRY_SECTION("industry_section", "国民经济行业门类", null),
	INDUSTRY_DIVISION("industry_division", "国民经济行业大类", null);

	private final String table;
	private final String label;
	private final String page;

	EnterpriseTable(String table, String label, String page) {
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
