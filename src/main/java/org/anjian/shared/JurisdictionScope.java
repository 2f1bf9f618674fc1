package org.anjian.shared;

import java.util.Objects;

/**
 * What part of the city a user sees and acts upon: the whole city, one district, or one street/town.
 * The database applies it to every query (row-level security); code uses {@link #covers} only to
 * explain a refusal before the database would refuse anyway.
 */
public record JurisdictionScope(JurisdictionLevel level, String districtCode, String streetCode) implements java.io.Serializable {

	public JurisdictionScope {
		Objects.requireNonNull(level, "level");
		switch (level) {
			case CITY -> {
				if (districtCode != null || streetCode != null) {
					throw new IllegalArgumentException("city scope carries no district or street");
				}
			}
			case DISTRICT -> {
				if (districtCode == null || streetCode != null) {
					throw new IllegalArgumentException("district scope needs exactly a district code");
				}
			}
			case STREET -> {
				if (districtCode == null || streetCode == null || !streetCode.startsWith(districtCode)) {
					throw new IllegalArgumentException("street scope needs its street and the district it lies in");
				}
			}
		}
	}

	public static JurisdictionScope city() {
		return new JurisdictionScope(JurisdictionLevel.CITY, null, null);
	}

	public static JurisdictionScope district(String districtCode) {
		return new JurisdictionScope(JurisdictionLevel.DISTRICT, districtCode, null);
	}

	public static JurisdictionScope street(String streetCode) {
		return new JurisdictionScope(JurisdictionLevel.STREET, streetCode.substring(0, 6), streetCode);
	}

	/** The scope of a place given by its division code (6 digits ending 0000 = city, 6 = district, 9 = street). */
	public static JurisdictionScope of(DivisionCode code) {
		if (code.isStreet()) {
			return street(code.value());
		}
		return code.isCity() ? city() : district(code.value());
	}

	/** Whether a place (given by its district and street, either may be null) lies inside this scope. */
	public boolean covers(String district, String street) {
		return switch (level) {
			case CITY -> true;
			case DISTRICT -> districtCode.equals(district);
			case STREET -> streetCode.equals(street);
		};
	}

	/**
	 * Whether a district lies within this scope, wholly or in part (a street's officers reach the district they
	 * belong to, where they see their own street): what a dashboard narrowed to a district may show them.
	 */
	public boolean reachesDistrict(String district) {
		return level == JurisdictionLevel.CITY || districtCode.equals(district);
	}

	/** The division code naming this scope: the street, else the district, else the city (310000). */
	public String code() {
		return streetCode != null ? streetCode : districtCode != null ? districtCode : "310000";
	}
}
