package org.anjian.penalty.internal;

import org.anjian.audit.AuditAction;

/**
 * The act of issuing a penalty document that no other act issues: the payment reminder, numbered when first printed
 * after the payment deadline. The other documents are issued in their acts' transactions, under those acts' names.
 */
public enum DocumentAction implements AuditAction {

	ISSUE_PAYMENT_REMINDER("penalty.issue-payment-reminder", "制发罚款催缴通知书");

	private final String code;
	private final String label;

	DocumentAction(String code, String label) {
		this.code = code;
		this.label = label;
	}

	@Override
	public String code() {
		return code;
	}

	@Override
	public String label() {
		return label;
	}
}
