package org.anjian.penalty;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a penalty case stands in the general procedure (一般程序) of the Administrative Penalty Law.
 *
 * <pre>
 *  FILED 立案审批 ──approve──▶ INVESTIGATING 调查取证 ──investigation ends──▶ REVIEWING 案件审核
 *    │                           ▲   │                                          │ │ │ │
 *    └─refuse─▶ DROPPED          │   └─────────transfer──────▶ TRANSFERRED 移送 ◀─┘ │ │ │
 *                                ├──────────── further investigation ◀─────────────┘ │ │
 *                                └── review refused ◀── LEGAL_REVIEW 法制审核 ◀──major─┘ │
 *                                                   passed: back to REVIEWING            │ notify
 *   NOT_PUNISHED 不予处罚 ◀── (from REVIEWING or DISCUSSION)                               ▼
 *                                            NOTIFIED 告知（陈述申辩、听证权利） ◀─────────────┘
 *                                              │ hearing requested      │ collective discussion
 *                                              ▼                        ▼
 *                                            HEARING 听证 ──────▶ DISCUSSION 集体讨论
 *                                              │                        │
 *                                              └──────▶ DECIDED 决定 ◀────┘ (or straight from NOTIFIED)
 *                                                         │ deliver (7 days)
 *                                                         ▼
 *                                                       DELIVERED 送达 ──paid (15 days)──▶ EXECUTED 执行完毕 ──▶ CLOSED 结案
 *   NOT_PUNISHED, TRANSFERRED ──▶ CLOSED
 * </pre>
 * A case of the simple procedure (当场处罚, {@link PenaltyCase#onTheSpot}) is made decided and delivered on the spot:
 * it begins at DELIVERED.
 */
public enum CaseStatus {

	FILED("立案审批中"), DROPPED("不予立案"), INVESTIGATING("调查取证"), REVIEWING("案件审核"), LEGAL_REVIEW("法制审核"),
	NOTIFIED("已告知"), HEARING("听证"), DISCUSSION("集体讨论"), DECIDED("已决定"), DELIVERED("已送达"),
	EXECUTED("执行完毕"), NOT_PUNISHED("不予处罚"), TRANSFERRED("已移送"), CLOSED("已结案");

	private final String label;

	CaseStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public Set<CaseStatus> next() {
		return switch (this) {
			case FILED -> EnumSet.of(INVESTIGATING, DROPPED);
			case INVESTIGATING -> EnumSet.of(REVIEWING, TRANSFERRED);
			case REVIEWING -> EnumSet.of(LEGAL_REVIEW, NOTIFIED, NOT_PUNISHED, INVESTIGATING, TRANSFERRED);
			case LEGAL_REVIEW -> EnumSet.of(REVIEWING, INVESTIGATING);
			case NOTIFIED -> EnumSet.of(HEARING, DISCUSSION, DECIDED);
			case HEARING -> EnumSet.of(DISCUSSION, DECIDED);
			case DISCUSSION -> EnumSet.of(DECIDED, NOT_PUNISHED);
			case DECIDED -> EnumSet.of(DELIVERED);
			case DELIVERED -> EnumSet.of(EXECUTED);
			case EXECUTED, NOT_PUNISHED, TRANSFERRED -> EnumSet.of(CLOSED);
			case DROPPED, CLOSED -> EnumSet.noneOf(CaseStatus.class);
		};
	}

	public boolean allows(CaseStatus target) {
		return next().contains(target);
	}

	/** Whether the case still runs against the 90-day limit (from 立案 to the decision). */
	public boolean beforeDecision() {
		return EnumSet.of(INVESTIGATING, REVIEWING, LEGAL_REVIEW, NOTIFIED, HEARING, DISCUSSION).contains(this);
	}
}
