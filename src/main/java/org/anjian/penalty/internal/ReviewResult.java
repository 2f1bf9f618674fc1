package org.anjian.penalty.internal;

/** The result of a case-file review, by its score against the body's thresholds ({@link ReviewSettings}). */
public enum ReviewResult {

	EXCELLENT("优秀"), PASSED("合格"), FAILED("不合格");

	private final String label;

	ReviewResult(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
