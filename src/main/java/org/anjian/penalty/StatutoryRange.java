package org.anjian.penalty;

/** The fine the law allows in one case, in yuan, and where that range comes from. */
public record StatutoryRange(long min, long max, String basis) {

	public StatutoryRange {
		if (min < 0 || max <= min) {
			throw new IllegalArgumentException("a statutory range needs 0 <= min < max, not " + min + "~" + max);
		}
	}

	public static StatutoryRange of(CatalogueEntry entry) {
		return new StatutoryRange(entry.minYuan(), entry.maxYuan(), entry.citation() + "：" + entry.rangeText());
	}

	public String text() {
		return Yuan.range(min, max);
	}
}
