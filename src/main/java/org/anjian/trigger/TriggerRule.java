package org.anjian.trigger;

/**
 * When alarms open an inspection (预警触发): {@code alarms} alarms of {@code kind} — or of any one kind, when kind is
 * null — at one enterprise within {@code withinDays} days.
 */
public record TriggerRule(long id, AlarmKind kind, int alarms, int withinDays, boolean active, int version) {

	/** E.g. 7日内粉尘浓度超限报警3次, or 7日内同类报警3次. */
	public String description() {
		return withinDays + "日内" + (kind == null ? "同类" : kind.label()) + "报警" + alarms + "次";
	}

	boolean covers(AlarmKind alarm) {
		return active && (kind == null || kind == alarm);
	}
}
