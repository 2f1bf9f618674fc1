package org.anjian.penalty.internal;

/**
 * The points of the case-file review checklist (案卷评查): the documents of the file, which the reviewer ticks (the
 * file is paper and PDF, read by a person), and the deadlines, the four reasons and the discretion, which
 * {@link CaseFileReviewPolicy} computes from the case's own dates and text.
 */
public enum ReviewPoint {

	FILING_FORM(Kind.DOCUMENT, "立案审批表"),
	EVIDENCE(Kind.DOCUMENT, "调查取证材料（检查记录、询问笔录、照片、书证）"),
	NOTICE(Kind.DOCUMENT, "行政处罚告知书"),
	LEGAL_OPINION(Kind.DOCUMENT, "法制审核意见"),
	DISCUSSION_RECORD(Kind.DOCUMENT, "集体讨论记录"),
	DECISION(Kind.DOCUMENT, "处罚决定书（或不予行政处罚决定书）"),
	DELIVERY_RECEIPT(Kind.DOCUMENT, "送达回证"),
	CLOSING_FORM(Kind.DOCUMENT, "结案审批表"),
	DECIDED_IN_TIME(Kind.DEADLINE, "自立案之日起90日内（含批准延长）作出决定"),
	DELIVERED_IN_TIME(Kind.DEADLINE, "决定后7日内送达"),
	HEARING_NOTICED_IN_TIME(Kind.DEADLINE, "举行听证7日前通知当事人"),
	PAID_IN_TIME(Kind.DEADLINE, "送达后15日内缴纳罚款"),
	REASON_FACTS(Kind.REASON, "说明事理（违法事实和证据）"),
	REASON_LAW(Kind.REASON, "说明法理（适用的法律依据）"),
	REASON_DISCRETION(Kind.REASON, "说明道理（裁量理由）"),
	REASON_DEFENCE(Kind.REASON, "说明情理（对陈述申辩的答复）"),
	WITHIN_RANGE(Kind.DISCRETION, "罚款在法定处罚幅度内");

	/** What a point looks at, as the review form groups them. */
	public enum Kind {
		DOCUMENT("案卷材料完整"), DEADLINE("办案期限"), REASON("四理说清"), DISCRETION("裁量适当");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	private final Kind kind;
	private final String label;

	ReviewPoint(Kind kind, String label) {
		this.kind = kind;
		this.label = label;
	}

	public Kind kind() {
		return kind;
	}

	public String label() {
		return label;
	}

	/** Whether the reviewer ticks it (the documents), rather than the case's own data deciding it. */
	public boolean ticked() {
		return kind == Kind.DOCUMENT;
	}
}
