package org.anjian.penalty.internal;

import java.time.LocalDate;

import org.anjian.penalty.CaseStatus;
import org.anjian.penalty.PenaltyCase;
import org.anjian.penalty.PenaltyDocument.Kind;
import org.anjian.shared.Allowance;

/**
 * Whether a document of a case exists yet: only once the act that makes it has happened (no decision before 决定, no
 * case file before 结案); refused with what has not happened, in words the reader understands. The payment reminder
 * exists once the payment deadline has passed unpaid (or once it was issued).
 */
public final class DocumentPolicy {

	private DocumentPolicy() {
	}

	public static Allowance exists(PenaltyCase c, Kind kind, LocalDate today, boolean issued) {
		String missing = switch (kind) {
			case FILING_APPROVAL -> c.openedOn() == null ? "案件尚未批准立案" : null;
			case INQUIRY -> c.openedOn() == null ? "案件尚未批准立案，尚无询问笔录" : null;
			case NOTICE -> c.notifiedOn() == null ? "案件尚未告知当事人" : null;
			case HEARING_NOTICE -> c.notifiedOn() == null ? "案件尚未告知当事人"
					: !c.hearingRight() ? "告知的罚款未达较大数额，当事人不享有听证权利，无听证告知书" : null;
			case DEFENCE -> c.defence() == null && !c.defenceWaived() ? "当事人尚未陈述申辩，也未放弃陈述申辩" : null;
			case LEGAL_OPINION -> c.legalOpinion() == null ? "案件尚未经法制审核" : null;
			case DISCUSSION -> c.discussionRecord() == null ? "案件尚未经负责人集体讨论" : null;
			case DECISION -> c.decidedAmount() == null ? "案件尚未作出行政处罚决定" : null;
			case NO_PENALTY_DECISION -> c.noPenaltyGround() == null ? "案件尚未作出不予行政处罚决定" : null;
			case DELIVERY_RECEIPT -> c.deliveredOn() == null ? "行政处罚决定书尚未送达" : null;
			case PAYMENT_REMINDER -> issued ? null : reminderMissing(c, today);
			case CLOSING_APPROVAL -> c.status() != CaseStatus.CLOSED ? "案件尚未结案" : null;
			case CASE_FILE -> c.status() != CaseStatus.CLOSED ? "案件尚未结案，结案后才立卷" : null;
		};
		return missing == null ? Allowance.granted() : Allowance.refused(missing + "，" + kind.title() + "尚不存在");
	}

	private static String reminderMissing(PenaltyCase c, LocalDate today) {
		if (c.paymentDue() == null) {
			return "行政处罚决定书尚未送达，缴款期限尚未起算";
		}
		if (c.paidOn() != null) {
			return "罚款已于" + c.paidOn() + "缴纳，无需催缴";
		}
		if (!today.isAfter(c.paymentDue())) {
			return "缴款期限至" + c.paymentDue() + "，尚未届满";
		}
		return null;
	}
}
