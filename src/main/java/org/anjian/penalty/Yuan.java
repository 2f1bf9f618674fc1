package org.anjian.penalty;

import java.math.BigDecimal;

/** Amounts of money as a Chinese document writes them (万元 where whole). */
public final class Yuan {

	private Yuan() {
	}

	public static String of(long yuan) {
		if (yuan != 0 && yuan % 100 == 0 && yuan >= 10_000) {
			return new BigDecimal(yuan).movePointLeft(4).stripTrailingZeros().toPlainString() + "万元";
		}
		return String.format("%,d元", yuan);
	}

	/** "处X元以上Y元以下", a minimum of 0 read as "Y以下". */
	public static String range(long min, long max) {
		return min == 0 ? of(max) + "以下" : of(min) + "以上" + of(max) + "以下";
	}
}
