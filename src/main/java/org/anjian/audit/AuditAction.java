package org.anjian.audit;

/**
 * A business action as the audit trail records it: a stable code ({@code hazard.verify}) kept in the record and the
 * Chinese label (复查销号) people read. Each module lists the actions it performs in an enum of its own, beside
 * the code that performs them, so that no recorded action goes without a label ({@link AuditLabels}).
 */
public interface AuditAction {

	String code();

	String label();
}
