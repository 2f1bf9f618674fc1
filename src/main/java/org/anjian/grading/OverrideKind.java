package org.anjian.grading;

/** Facts that decide a grade whatever the score. */
public enum OverrideKind {

	/** 近期发生有人员死亡的生产安全事故 */
	FATAL_ACCIDENT("近期发生亡人事故"),
	/** 存在未整改的重大事故隐患 */
	OPEN_MAJOR_HAZARD("存在未整改的重大事故隐患"),
	/** 存在逾期未整改的隐患 */
	OPEN_OVERDUE_HAZARD("存在逾期未整改的隐患");

	private final String label;

	OverrideKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
