package org.anjian.penalty;

/** Which of an article's fines applies: the first violation, after a correction deadline passed, on refusal, or for an accident. */
public enum Tier {

	/** 违法行为（初次） */
	INITIAL("initial", "违法行为"),
	/** 责令限期改正，逾期未改正 */
	OVERDUE("overdue", "逾期未改正"),
	/** 拒不执行、拒绝（阻碍）或拒不改正 */
	REFUSED("refused", "拒不改正或拒绝"),
	/** 发生生产安全事故 */
	ACCIDENT("accident", "发生生产安全事故");

	private final String code;
	private final String label;

	Tier(String code, String label) {
		this.code = code;
		this.label = label;
	}

	/** The tier as the API names it. */
	public String code() {
		return code;
	}

	public String label() {
		return label;
	}
}
