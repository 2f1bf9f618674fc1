package org.anjian.shared;

import java.util.regex.Pattern;

/**
 * A place code: six digits for the city or a district (GB/T 2260), nine digits for a street or town (NBS
 * statistical division code, whose first six digits are its district).
 */
public record DivisionCode(String value) {

	private static final Pattern FORMAT = Pattern.compile("\\d{6}|\\d{9}");

	public DivisionCode {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new InvalidInputException("区划代码应为6位（区）或9位（街镇）数字，收到：" + value);
		}
	}

	public static DivisionCode of(String value) {
		return new DivisionCode(value == null ? null : value.trim());
	}

	public boolean isStreet() {
		return value.length() == 9;
	}

	public boolean isCity() {
		return value.endsWith("0000");
	}

	/** The district a street or town belongs to; a district is its own district. */
	public String districtCode() {
		return value.substring(0, 6);
	}

	@Override
	public String toString() {
		return value;
	}
}
