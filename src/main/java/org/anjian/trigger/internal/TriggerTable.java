package org.anjian.trigger.internal;

import org.anjian.audit.AuditedTable;

/** The trigger module's audited tables, as the audit trail names them. */
public enum TriggerTable implements AuditedTable {

	ALARM_SOURCE("alarm_source", "监测源", "/admin/alarm-sources"),
	ALARM("alarm", "监测报警", "/triggers"),
	TRIGGER_RULE("trigger_rule", "触发规则", "/admin/trigger-rules"),
	TRIGGER_RECORD("trigger_record", "触发记录", "/triggers");

	private final String table;
	private final String label;
	private final String page;

	TriggerTable(String table, String label, String page) {
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
