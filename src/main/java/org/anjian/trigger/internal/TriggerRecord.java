package org.anjian.trigger.internal;

import java.time.Instant;

/**
 * One trigger and its outcome: the task it opened, was merged into, or was attached to; the reason of the trigger
 * and why it went where it did ({@link MergePolicy}).
 */
public record TriggerRecord(long id, String uscc, String enterpriseName, String origin, String cause, Long alarmId,
		Long ruleId, String reason, TriggerOutcome outcome, String decision, long taskId, Instant recordedAt) {

	/** The same record with its enterprise's name (null when the caller does not reach the enterprise). */
	TriggerRecord withEnterpriseName(String name) {
		return new TriggerRecord(id, uscc, name, origin, cause, alarmId, ruleId, reason, outcome, decision, taskId,
				recordedAt);
	}

	/** 预警触发 or 事件触发. */
	public String originLabel() {
		return "ALARM".equals(origin) ? "预警触发" : "事件触发";
	}
}
