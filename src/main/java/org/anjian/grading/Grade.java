package org.anjian.grading;

/**
 * The four grades of the enterprise safety portrait, from the most scrutiny to the least. A grade decides the
 * treatment in the annual plan: A all inspected, B sampled, C visited to help, D left alone unless triggered.
 */
public enum Grade {

	/** 全量体检 */
	A("A级", "全量体检"),
	/** 重点抽查 */
	B("B级", "重点抽查"),
	/** 主动帮扶 */
	C("C级", "主动帮扶"),
	/** 无事不扰 */
	D("D级", "无事不扰");

	private final String label;

	private final String treatment;

	Grade(String label, String treatment) {
		this.label = label;
		this.treatment = treatment;
	}

	public String label() {
		return label;
	}

	public String treatment() {
		return treatment;
	}

	/** Whether this grade asks for at least as much scrutiny as the other (A is the most). */
	public boolean atLeast(Grade other) {
		return ordinal() <= other.ordinal();
	}

	/** The grade asking for more scrutiny of the two. */
	public Grade stricter(Grade other) {
		return atLeast(other) ? this : other;
	}
}
