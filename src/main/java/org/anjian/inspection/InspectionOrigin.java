package org.anjian.inspection;

/** Why an inspection task exists: a plan item, an alarm (预警触发), an event (事件触发), or by hand with a reason. */
public enum InspectionOrigin {

	PLAN("计划检查"), ALARM("预警触发"), EVENT("事件触发"), MANUAL("专门检查");

	private final String label;

	InspectionOrigin(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
