package org.anjian.penalty;

/**
 * 四理说清: the four written reasons every decision carries and prints — the facts (事理), the law applied (法理), the
 * discretion (道理: the band and the facts ticked) and the answer to each point of the defence (情理).
 */
public record FourReasons(String facts, String law, String discretion, String defence) {

	public static final int MAX_LENGTH = 4000;

	/** The first reason missing or too long, in words a person reads; null when all four are given. */
	public String missing() {
		String[][] reasons = { { "事理（违法事实和证据）", facts }, { "法理（适用的法律依据）", law },
				{ "道理（裁量理由）", discretion }, { "情理（对陈述申辩的答复）", defence } };
		for (String[] reason : reasons) {
			if (reason[1] == null || reason[1].isBlank()) {
				return "处罚决定须写明四理：缺少" + reason[0];
			}
			if (reason[1].length() > MAX_LENGTH) {
				return reason[0] + "最多 " + MAX_LENGTH + " 个字符";
			}
		}
		return null;
	}
}
