package org.anjian.penalty.internal;

import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditedTable;

/** The penalty catalogue's audited tables, as the audit trail names them, with the page each row is seen on. */
public enum CatalogueTable implements AuditedTable {

	REVISION("penalty_catalogue_revision", "裁量目录版本", "/admin/penalty-catalogue/entries/{entry_id}/revisions"),
	ENTRY("penalty_catalogue_entry", "裁量目录条目", "/admin/penalty-catalogue/entries/{entry_id}"),
	CHECKLIST_LINK("penalty_checklist_link", "检查项与裁量目录条目的关联", "/admin/penalty-catalogue/entries/{entry_id}"),
	EXEMPTION("penalty_exemption", "免罚清单条目", "/admin/penalty-catalogue/exemptions/{id}");

	private final AuditLabels.Entity entity;

	CatalogueTable(String table, String label, String page) {
		this.entity = new AuditLabels.Entity(table, label, page);
	}

	@Override
	public AuditLabels.Entity entity() {
		return entity;
	}
}
