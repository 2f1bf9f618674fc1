package org.anjian.organization;

/** What an officer is certified for, beyond the law-enforcement badge every officer holds. */
public enum Certification {

	/** May lead an inspection (主办人); every inspection team needs one. */
	LEAD_INSPECTOR,
	/** Hazardous chemicals specialist (危险化学品专业). */
	HAZCHEM,
	/** Industry and trade specialist (工贸专业). */
	INDUSTRY_TRADE,
	/** Legal review of penalty decisions (法制审核). */
	LEGAL_REVIEW
}
