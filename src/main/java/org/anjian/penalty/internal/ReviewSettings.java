package org.anjian.penalty.internal;

/**
 * The numbers of the case-file review no statute gives, the body's settings (本机关设定): the share of the non-major
 * closed cases drawn for review (at least one is always drawn), the fine from which a case is major and always
 * reviewed, and the scores from which a file is 优秀 and 合格 (below, 不合格).
 */
public record ReviewSettings(double share, long majorFineYuan, int excellentFrom, int passFrom) {

	/** 20% drawn; 5万元 and more major (as 集体讨论 in 办法第29条); 90 优秀, 75 合格. */
	public static final ReviewSettings DEFAULTS = new ReviewSettings(0.2, 50_000, 90, 75);

	public ReviewSettings {
		if (!(share > 0 && share <= 1)) {
			throw new IllegalArgumentException("抽取比例应大于0且不超过1，不是 " + share);
		}
		if (majorFineYuan < 1) {
			throw new IllegalArgumentException("重大案件的罚款数额应为正数，不是 " + majorFineYuan);
		}
		if (!(0 < passFrom && passFrom <= excellentFrom && excellentFrom <= 100)) {
			throw new IllegalArgumentException("评查分数线应满足 0 < 合格 ≤ 优秀 ≤ 100，不是合格 " + passFrom + "、优秀 " + excellentFrom);
		}
	}

	/** The result of a score. */
	public ReviewResult result(int score) {
		return score >= excellentFrom ? ReviewResult.EXCELLENT : score >= passFrom ? ReviewResult.PASSED : ReviewResult.FAILED;
	}

	/** The share as a whole percentage, for pages. */
	public long sharePercent() {
		return Math.round(share * 100);
	}
}
