package org.anjian.grading;

/** Production safety accident levels of the State Council's regulation No. 493. */
public enum AccidentLevel {

	/** 一般事故 */
	GENERAL("一般事故"),
	/** 较大事故 */
	LARGER("较大事故"),
	/** 重大事故 */
	MAJOR("重大事故"),
	/** 特别重大事故 */
	ESPECIALLY_MAJOR("特别重大事故");

	private final String label;

	AccidentLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
