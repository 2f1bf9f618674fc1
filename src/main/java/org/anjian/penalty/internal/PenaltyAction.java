package org.anjian.penalty.internal;

import org.anjian.audit.AuditAction;

/** The acts of a penalty case as the audit trail records them. */
public enum PenaltyAction implements AuditAction {

	FILE("penalty.file", "立案申请"),
	HAND_OVER("penalty.hand-over", "移交区级执法主体立案（查罚衔接）"),
	DECIDE_ON_THE_SPOT("penalty.decide-on-the-spot", "当场作出行政处罚决定（简易程序）"),
	APPROVE_FILING("penalty.approve-filing", "批准立案"),
	REFUSE_FILING("penalty.refuse-filing", "不予立案"),
	RECORD_EVIDENCE("penalty.record-evidence", "登记证据"),
	ASSESS("penalty.assess", "审查不予处罚情形并记录裁量情节"),
	RECORD_DEFENCE("penalty.record-defence", "记录陈述申辩"),
	STATE_DEFENCE("penalty.state-defence", "当事人在线陈述申辩"),
	WAIVE_DEFENCE("penalty.waive-defence", "当事人放弃陈述申辩"),
	END_INVESTIGATION("penalty.end-investigation", "调查终结"),
	INVESTIGATE_FURTHER("penalty.investigate-further", "退回补充调查"),
	SEND_TO_LEGAL_REVIEW("penalty.send-to-legal-review", "送法制审核"),
	PASS_LEGAL_REVIEW("penalty.pass-legal-review", "法制审核通过"),
	REFUSE_LEGAL_REVIEW("penalty.refuse-legal-review", "法制审核未通过"),
	NOTIFY("penalty.notify", "告知当事人"),
	REQUEST_HEARING_ONLINE("penalty.request-hearing-online", "当事人在线申请听证"),
	REQUEST_HEARING("penalty.request-hearing", "受理听证申请"),
	HOLD_HEARING("penalty.hold-hearing", "举行听证"),
	RECORD_DISCUSSION("penalty.record-discussion", "记录集体讨论"),
	DECIDE("penalty.decide", "作出行政处罚决定"),
	DECIDE_NOT_TO_PUNISH("penalty.decide-not-to-punish", "作出不予行政处罚决定"),
	TRANSFER("penalty.transfer", "移送案件"),
	EXTEND("penalty.extend", "延长办案期限"),
	DELIVER("penalty.deliver", "送达处罚决定书"),
	ALLOW_DEFERRAL("penalty.allow-deferral", "批准暂缓或分期缴纳罚款"),
	RECORD_PAYMENT("penalty.record-payment", "登记缴纳罚款"),
	CLOSE("penalty.close", "结案");

	private final String code;
	private final String label;

	PenaltyAction(String code, String label) {
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
