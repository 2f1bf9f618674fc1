package org.anjian.trigger.internal;

import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditedTable;

/** The trigger module's audited tables, as the audit trail names them. */
public enum TriggerTable implements AuditedTable {

	ALARM_SOURCE("alarm_source", "监测源", "/admin/alarm-sources"),
	ALARM("alarm", "监测报警", "/triggers"),
	TRIGGER_RULE("trigger_rule", "触发规则", "/admin/trigger-rules"),
	TRIGGER_RECORD("trigger_record", "触发记录", "/triggers");

	private final AuditLabels.Entity entity;

	TriggerTable(String table, String label, String page) {
		this.entity = new AuditLabels.Entity(table, label, page);
	}

	@Override
	public AuditLabels.Entity entity() {
		return entity;
	}
}
