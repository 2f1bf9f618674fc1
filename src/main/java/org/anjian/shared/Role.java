package org.anjian.shared;

/** What a user may do; the jurisdiction they may do it in is their scope. */
public enum Role {

	/** 市应急局执法总队 officer: city-level units and supervisory spot checks; the whole city. */
	CITY_OFFICER(JurisdictionLevel.CITY),
	/** 区执法大队 officer: district-level units, penalty cases; one district. */
	DISTRICT_OFFICER(JurisdictionLevel.DISTRICT),
	/** 街镇 safety officer: general checks of small units; one street or town. */
	STREET_OFFICER(JurisdictionLevel.STREET),
	/** Head of a corps or brigade: approves plans, on-site inspection plans and decisions. */
	LEADER(null),
	/** 法制审核: legal review of major penalty decisions. */
	LEGAL_REVIEWER(null),
	/** System administrator: users, reference data, rules. */
	ADMIN(JurisdictionLevel.CITY),
	/** A regulated enterprise's safety manager: its own file only. */
	ENTERPRISE(null);

	private final JurisdictionLevel requiredLevel;

	Role(JurisdictionLevel requiredLevel) {
		this.requiredLevel = requiredLevel;
	}

	/** The scope level this role only makes sense at (an officer of a district sees one district), or null if any. */
	public JurisdictionLevel requiredLevel() {
		return requiredLevel;
	}

	public String authority() {
		return "ROLE_" + name();
	}
}
