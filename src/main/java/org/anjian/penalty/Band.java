package org.anjian.penalty;

/** The 裁量阶次 a proposal falls in. */
public enum Band {

	/** 不予处罚 */
	NONE("none", "不予处罚"),
	/** 从轻 */
	LIGHTER("lighter", "从轻"),
	/** 一般 */
	USUAL("usual", "一般"),
	/** 从重 */
	HEAVIER("heavier", "从重");

	private final String code;
	private final String label;

	Band(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}
}
