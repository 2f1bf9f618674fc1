package org.anjian.penalty;

import java.time.LocalDate;
import java.util.Arrays;

import org.anjian.shared.NotFoundException;

/**
 * A document of a penalty case (执法文书): its kind, its number (文号) where an act issued it, and where it is read. The
 * staff read every document at {@code /penalty-cases/{id}/documents/{segment}} (an inquiry record at
 * {@code …/inquiry/{evidenceId}}); the party reads those served on it at {@code /my/penalty-cases/{id}/documents/…}.
 *
 * @param evidenceId for an inquiry record, the evidence item it is; null for the others
 * @param number the document number; for the records without one of their own (询问笔录, 案卷), the case's number
 */
public record PenaltyDocument(long caseId, Kind kind, Long evidenceId, String number, LocalDate issuedOn) {

	/** The address the staff read it at. */
	public String path() {
		return kind == Kind.INQUIRY ? inquiryPath(caseId, evidenceId) : kind.path(caseId);
	}

	/** The title as the case file lists it: an inquiry record with its item. */
	public String title() {
		return kind.title();
	}

	/** The staff's address of an inquiry record (one per INQUIRY evidence item). */
	public static String inquiryPath(long caseId, long evidenceId) {
		return "/penalty-cases/" + caseId + "/documents/inquiry/" + evidenceId;
	}

	/**
	 * The kinds, in the order of the procedure (the order of the case file). {@code numbered}: an act issues it with a
	 * number of its own ({@code letter} is its word in the number: 沪普应急罚<b>告</b>〔2027〕3号); {@code served}: it is
	 * served on the party, who reads it online.
	 */
	public enum Kind {

		FILING_APPROVAL("filing-approval", "立案审批表", "立", false),
		INQUIRY("inquiry", "询问笔录", null, false),
		NOTICE("notice", "行政处罚告知书", "告", true),
		HEARING_NOTICE("hearing-notice", "听证告知书", "听告", true),
		DEFENCE("defence", "陈述申辩笔录", "辩", false),
		LEGAL_OPINION("legal-opinion", "法制审核意见", "审", false),
		DISCUSSION("discussion", "集体讨论记录", "议", false),
		DECISION("decision", "行政处罚决定书", "决", true),
		NO_PENALTY_DECISION("no-penalty-decision", "不予行政处罚决定书", "不罚", true),
		DELIVERY_RECEIPT("delivery-receipt", "送达回证", "送", true),
		PAYMENT_REMINDER("payment-reminder", "罚款催缴通知书", "催", true),
		CLOSING_APPROVAL("closing-approval", "结案审批表", "结", false),
		CASE_FILE("case-file", "案卷", null, false);

		private final String segment;
		private final String title;
		private final String letter;
		private final boolean served;

		Kind(String segment, String title, String letter, boolean served) {
			this.segment = segment;
			this.title = title;
			this.letter = letter;
			this.served = served;
		}

		/** Its part of the address: {@code /penalty-cases/{id}/documents/decision}. */
		public String segment() {
			return segment;
		}

		public String title() {
			return title;
		}

		/** Its word in the document number, null for the records that carry the case's number. */
		public String letter() {
			return letter;
		}

		/** Whether an act issues it with a number of its own. */
		public boolean numbered() {
			return letter != null;
		}

		/** Whether it is served on the party (告知书, 决定书, 送达回证, 催缴通知书), which reads it online. */
		public boolean served() {
			return served;
		}

		/** The staff's address of this document of the case (not for an inquiry record: {@link #inquiryPath}). */
		public String path(long caseId) {
			return "/penalty-cases/" + caseId + "/documents/" + segment;
		}

		/** The party's address of this document of its case; only for the documents served on it. */
		public String ownPath(long caseId) {
			if (!served) {
				throw new IllegalStateException(title + " is not served on the party");
			}
			return "/my/penalty-cases/" + caseId + "/documents/" + segment;
		}

		/** The kind at that part of the address; none is 404. */
		public static Kind of(String segment) {
			return Arrays.stream(values()).filter(k -> k.segment.equals(segment)).findFirst()
				.orElseThrow(() -> new NotFoundException("没有“" + segment + "”这种执法文书"));
		}
	}
}
