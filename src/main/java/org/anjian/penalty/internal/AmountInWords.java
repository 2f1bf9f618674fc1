package org.anjian.penalty.internal;

/**
 * A sum of whole yuan in Chinese capitals (大写金额), as documents about money write it beside the figures so that
 * neither can be altered: 30000 → 叁万元整, 10500 → 壹万零伍佰元整, 100200 → 壹拾万零贰佰元整.
 */
public final class AmountInWords {

	private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
	private static final String[] PLACES = { "", "拾", "佰", "仟" };
	private static final String[] GROUPS = { "", "万", "亿", "万亿" };

	private AmountInWords() {
	}

	public static String of(long yuan) {
		if (yuan < 0) {
			throw new IllegalArgumentException("a negative sum: " + yuan);
		}
		if (yuan == 0) {
			return "零元整";
		}
		int[] groups = new int[GROUPS.length];
		long rest = yuan;
		for (int i = 0; i < groups.length && rest > 0; i++) {
			groups[i] = (int) (rest % 10_000);
			rest /= 10_000;
		}
		StringBuilder words = new StringBuilder();
		boolean zero = false;
		for (int i = groups.length - 1; i >= 0; i--) {
			int group = groups[i];
			if (group == 0) {
				zero = words.length() > 0;
				continue;
			}
			if (words.length() > 0 && (zero || group < 1000)) {
				words.append('零');
			}
			words.append(group(group)).append(GROUPS[i]);
			zero = false;
		}
		return words.append("元整").toString();
	}

	/** One group of four digits, without its leading zeros, a zero inside it written once. */
	private static String group(int group) {
		StringBuilder words = new StringBuilder();
		boolean zero = false;
		for (int place = 3; place >= 0; place--) {
			int digit = group / (int) Math.pow(10, place) % 10;
			if (digit == 0) {
				zero = words.length() > 0;
				continue;
			}
			if (zero) {
				words.append('零');
				zero = false;
			}
			words.append(DIGITS.charAt(digit)).append(PLACES[place]);
		}
		return words.toString();
	}
}
