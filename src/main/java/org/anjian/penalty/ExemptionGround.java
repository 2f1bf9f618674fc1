package org.anjian.penalty;

/** Why a violation of the exempt list (免罚清单) is not fined. */
public enum ExemptionGround {

	/** 本市轻微违法行为依法不予行政处罚清单 */
	LISTED_MINOR("免罚清单（轻微违法不予处罚）"),
	/** 企业自查发现并主动报告的事故隐患 */
	SELF_REPORTED("自查自报不罚");

	private final String label;

	ExemptionGround(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
