package org.anjian.shared;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character alphabet
 * without I, O, S, V and Z; characters 3-8 are the registering authority's division code; the 18th is a check
 * character. Lower case is accepted and normalised to upper case. An invalid code is refused with a Chinese
 * reason, and a wrong check character names the expected one.
 */
public record Uscc(String value) {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	/** W(i) = 3^(i-1) mod 31. */
	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	public Uscc {
		value = validated(value);
	}

	public static Uscc of(String value) {
		return new Uscc(value);
	}

	/** The six-digit division code of the registering authority (characters 3-8), e.g. 310115 for 浦东新区. */
	public String areaCode() {
		return value.substring(2, 8);
	}

	/** The check character that completes 17 characters of a code. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return ALPHABET.charAt(check == 31 ? 0 : check);
	}

	private static String validated(String raw) {
		if (raw == null || raw.isBlank()) {
			throw new InvalidInputException("uscc", "统一社会信用代码不能为空");
		}
		String code = raw.trim().toUpperCase();
		if (code.length() != 18) {
			throw new InvalidInputException("uscc", "统一社会信用代码应为18位，收到" + code.length() + "位：" + code);
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				throw new InvalidInputException("uscc", "统一社会信用代码第" + (i + 1) + "位“" + code.charAt(i)
						+ "”不是允许的字符（只用数字和除 I、O、S、V、Z 以外的大写字母）");
			}
		}
		char expected = checkCharacter(code);
		if (code.charAt(17) != expected) {
			throw new InvalidInputException("uscc", "统一社会信用代码 " + code + " 校验位错误：第18位应为“" + expected
					+ "”，而不是“" + code.charAt(17) + "”；请核对前17位是否抄错");
		}
		return code;
	}

	@Override
	public String toString() {
		return value;
	}
}
