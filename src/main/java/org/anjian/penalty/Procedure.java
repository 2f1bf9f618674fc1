package org.anjian.penalty;

/** Which procedure of the Administrative Penalty Law a case runs. */
public enum Procedure {

	/** 一般程序 (第五章第三节): 立案, investigation, review, notice, decision, delivery. */
	GENERAL("一般程序"),
	/** 简易程序 (第五章第二节, 第51–52条): decided and handed to the party on the spot. */
	SIMPLE("简易程序（当场处罚）");

	private final String label;

	Procedure(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
