package org.anjian.hazard.internal;

import org.anjian.shared.JurisdictionLevel;

/** The level that lists a major hazard for supervision (挂牌督办): the city, a district or a street/town. */
public enum ListingLevel {

	CITY("市级"), DISTRICT("区级"), STREET("街镇级");

	private final String label;

	ListingLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The highest level an officer of a jurisdiction of this level may list at: its own. */
	public static ListingLevel of(JurisdictionLevel level) {
		switch (level) {
			case CITY:
				return CITY;
			case DISTRICT:
				return DISTRICT;
			default:
				return STREET;
		}
	}

	/** Whether this level lies above another (the city above a district, a district above a street). */
	public boolean above(ListingLevel other) {
		return ordinal() < other.ordinal();
	}
}
