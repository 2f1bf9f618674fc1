package org.anjian.penalty;

import org.anjian.grading.AccidentLevel;

/**
 * One fine the law allows for one violation: the article (and paragraph) that punishes it, the tier, the party and the
 * statutory range in yuan ("处X万元以下" is a minimum of 0). {@code accidentLevel} is set for accident fines only.
 * {@code status} says whether the fine was checked against the published text (its reference file's verification);
 * {@code prohibition} names the articles whose duties it punishes (第二十四条、第二十七条…), with its own status and
 * source, null where none is recorded.
 */
public record CatalogueEntry(String id, String law, int article, Integer paragraph, String subject, String violation,
		Tier tier, Party party, AccidentLevel accidentLevel, long minYuan, long maxYuan, String sanction,
		String verification, SourceStatus status, String prohibition, SourceStatus prohibitionStatus,
		String prohibitionSource) {

	public CatalogueEntry {
		if (minYuan < 0 || maxYuan <= minYuan) {
			throw new IllegalArgumentException(id + ": a statutory range needs 0 <= min < max, not " + minYuan + "~" + maxYuan);
		}
		if (status == null) {
			status = SourceStatus.of(verification);
		}
	}

	/** An entry as the reference file gives it, without the articles it punishes. */
	public CatalogueEntry(String id, String law, int article, Integer paragraph, String subject, String violation,
			Tier tier, Party party, AccidentLevel accidentLevel, long minYuan, long maxYuan, String sanction,
			String verification) {
		this(id, law, article, paragraph, subject, violation, tier, party, accidentLevel, minYuan, maxYuan, sanction,
				verification, null, null, null, null);
	}

	/** The provision as a person cites it: 《安全生产法》第九十七条（第二款）. */
	public String citation() {
		return "《" + law + "》第" + article + "条" + (paragraph == null ? "" : "第" + paragraph + "款");
	}

	/** The statutory range in words: "10万元以上20万元以下" or "5万元以下". */
	public String rangeText() {
		return Yuan.range(minYuan, maxYuan);
	}

	public boolean verified() {
		return status == SourceStatus.VERIFIED;
	}

	/** The same entry with another range, sanction and status: what an administrator's revision changes. */
	public CatalogueEntry revised(long min, long max, String sanction, SourceStatus status) {
		return new CatalogueEntry(id, law, article, paragraph, subject, violation, tier, party, accidentLevel, min, max,
				sanction, verification, status, prohibition, prohibitionStatus, prohibitionSource);
	}

	/** The same entry naming the articles whose duties it punishes. */
	public CatalogueEntry prohibitedBy(String articles, SourceStatus articlesStatus, String source) {
		return new CatalogueEntry(id, law, article, paragraph, subject, violation, tier, party, accidentLevel, minYuan,
				maxYuan, sanction, verification, status, articles, articlesStatus, source);
	}
}
