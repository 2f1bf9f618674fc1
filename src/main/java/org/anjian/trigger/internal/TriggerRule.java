package org.anjian.trigger.internal;

import org.anjian.shared.InvalidInputException;
import org.anjian.shared.Versioned;

/**
 * When alarms open an inspection (预警触发): {@code alarms} alarms of {@code kind} — or of any one kind, when kind is
 * null — at one enterprise within {@code withinDays} days. An administrator changes its figures or switches it on or
 * off; its kind stays.
 */
public final class TriggerRule implements Versioned {

	private final long id;
	private final AlarmKind kind;
	private int alarms;
	private int withinDays;
	private boolean active;
	private final Integer version;

	TriggerRule(long id, AlarmKind kind, int alarms, int withinDays, boolean active, Integer version) {
		this.id = id;
		this.kind = kind;
		this.alarms = alarms;
		this.withinDays = withinDays;
		this.active = active;
		this.version = version;
	}

	/** The figures of a rule: 1 to 1000 alarms within 1 to 365 days. */
	static void validate(Integer alarms, Integer withinDays) {
		if (alarms == null || alarms < 1 || alarms > 1000) {
			throw new InvalidInputException("alarms", "报警次数须为 1 至 1000 之间的整数");
		}
		if (withinDays == null || withinDays < 1 || withinDays > 365) {
			throw new InvalidInputException("withinDays", "统计天数须为 1 至 365 之间的整数");
		}
	}

	/** New figures, and on or off; alarms already received are judged by the rule as it is when the next one comes. */
	void change(Integer alarms, Integer withinDays, boolean active) {
		validate(alarms, withinDays);
		this.alarms = alarms;
		this.withinDays = withinDays;
		this.active = active;
	}

	/** E.g. 7日内粉尘浓度超限报警3次, or 7日内同类报警3次. */
	public String description() {
		return withinDays + "日内" + (kind == null ? "同类" : kind.label()) + "报警" + alarms + "次";
	}

	boolean covers(AlarmKind alarm) {
		return active && (kind == null || kind == alarm);
	}

	public long id() {
		return id;
	}

	public AlarmKind kind() {
		return kind;
	}

	public int alarms() {
		return alarms;
	}

	public int withinDays() {
		return withinDays;
	}

	public boolean active() {
		return active;
	}

	@Override
	public Integer version() {
		return version;
	}
}
