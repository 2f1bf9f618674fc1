package org.anjian.trigger;

import java.time.Instant;

/** One trigger and its outcome: the task it opened, was merged into, or was attached to, and why. */
public record TriggerRecord(long id, String uscc, String enterpriseName, String origin, String cause, Long alarmId,
		Long ruleId, String reason, TriggerOutcome outcome, long taskId, Instant recordedAt) {

	/** 预警触发 or 事件触发. */
	public String originLabel() {
		return "ALARM".equals(origin) ? "预警触发" : "事件触发";
	}
}
