package org.anjian.penalty;

/** Where a penalty case came from (立案来源). */
public enum CaseOrigin {

	INSPECTION("检查发现"), HAZARD("隐患排查"), REPORT("举报投诉"), MANUAL("其他途径");

	private final String label;

	CaseOrigin(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
