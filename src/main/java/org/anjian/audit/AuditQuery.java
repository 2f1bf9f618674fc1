package org.anjian.audit;

import java.time.LocalDate;

/**
 * What to look for in the audit trail, each part optional: the audited table, a row's id (or an enterprise's credit
 * code, which finds the records of every row about that enterprise), the actor as recorded (a user name, or
 * {@code system} for the system's own acts), the action's code, and the days (in Beijing time, both included).
 */
public record AuditQuery(String entityType, String entityId, String actor, String action, LocalDate from,
		LocalDate to) {

	public AuditQuery {
		entityType = blankToNull(entityType);
		entityId = blankToNull(entityId);
		actor = blankToNull(actor);
		action = blankToNull(action);
	}

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null, null);
	}

	/** Whether anything narrows the search. */
	public boolean narrowed() {
		return entityType != null || entityId != null || actor != null || action != null || from != null || to != null;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
