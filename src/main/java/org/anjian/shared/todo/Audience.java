package org.anjian.shared.todo;

/**
 * Whom a to-do is for: the roles as the home page addresses them. A person with several roles is each of their
 * audiences at once.
 */
public enum Audience {

	/**
	 * Heads of a corps or brigade: plans and on-site inspection plans to approve, penalty filings to approve and
	 * penalty cases to decide.
	 */
	LEADER,

	/**
	 * City, district and street officers: tasks to staff, this week's inspections, hazards to re-inspect, overdue
	 * hazards, triggered tasks, notices awaiting a reply. Public reports to handle join them with the report module.
	 */
	OFFICER,

	/**
	 * Legal review staff: the legal basis of checklist items still to be checked, penalty cases awaiting legal
	 * review.
	 */
	LEGAL_REVIEWER,

	/** Administrators: reference data still to be checked, silent monitoring sources, accounts to put right. */
	ADMIN,

	/** An enterprise's own user: hazards to rectify, materials asked for, reminders, inspections to rate. */
	ENTERPRISE
}
