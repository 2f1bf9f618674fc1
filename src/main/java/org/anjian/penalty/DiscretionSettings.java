package org.anjian.penalty;

/**
 * The numbers of the discretion benchmark that no seed or statute gives: where the statutory range is cut into the
 * three bands (从轻 / 一般 / 从重, as shares of the range from its minimum), the step amounts are rounded to, and the
 * amounts from which a fine is 较大数额 (hearing, legal review, collective discussion). They are the body's settings
 * (本机关设定), shown as such beside every proposal. The one statutory bound is kept: 《安全生产违法行为行政处罚办法》第56条
 * 「有从轻处罚情节的，应在法定处罚幅度的中档以下确定，但不得低于法定幅度下限」, so the lighter band may not reach above the
 * middle of the range.
 */
public record DiscretionSettings(double lighterShare, double heavierShare, long roundTo, long hearingUnitYuan,
		long hearingPersonYuan) {

	/**
	 * The common provincial practice the reference data records (30/70 rule, unverified as national text) and the
	 * 较大数额 amounts of 应急管理 (个人2万元以上、单位5万元以上, from a secondary source).
	 */
	public static final DiscretionSettings DEFAULTS = new DiscretionSettings(0.3, 0.7, 100, 50_000, 20_000);

	public DiscretionSettings {
		if (!(lighterShare > 0 && lighterShare <= 0.5)) {
			throw new IllegalArgumentException("从轻档须在法定幅度中档以下（办法第56条）：从轻档上限占比应大于0且不超过0.5，不是 " + lighterShare);
		}
		if (!(heavierShare > lighterShare && heavierShare < 1)) {
			throw new IllegalArgumentException("从重档下限占比应大于从轻档上限占比且小于1，不是 " + heavierShare);
		}
		if (roundTo < 1 || hearingUnitYuan < 1 || hearingPersonYuan < 1) {
			throw new IllegalArgumentException("取整单位和较大数额须为正数");
		}
	}

	/** The 较大数额 for a party: at or above it, the hearing right, legal review and collective discussion apply. */
	public long hearingThreshold(Party party) {
		return party == Party.UNIT ? hearingUnitYuan : hearingPersonYuan;
	}
}
