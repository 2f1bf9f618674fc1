package org.anjian.penalty;

import org.anjian.grading.AccidentLevel;

/**
 * One fine the law allows for one violation: the article (and paragraph) that punishes it, the tier, the party and the
 * statutory range in yuan ("处X万元以下" is a minimum of 0). {@code accidentLevel} is set for accident fines only.
 */
public record CatalogueEntry(String id, String law, int article, Integer paragraph, String subject, String violation,
		Tier tier, Party party, AccidentLevel accidentLevel, long minYuan, long maxYuan, String sanction,
		String verification) {

	public CatalogueEntry {
		if (minYuan < 0 || maxYuan <= minYuan) {
			throw new IllegalArgumentException(id + ": a statutory range needs 0 <= min < max, not " + minYuan + "~" + maxYuan);
		}
	}

	/** The provision as a person cites it: 《安全生产法》第九十七条（第二款）. */
	public String citation() {
		return "《" + law + "》第" + article + "条" + (paragraph == null ? "" : "第" + paragraph + "款");
	}

	/** The statutory range in words: "10万元以上20万元以下" or "5万元以下". */
	public String rangeText() {
		return Yuan.range(minYuan, maxYuan);
	}
}
