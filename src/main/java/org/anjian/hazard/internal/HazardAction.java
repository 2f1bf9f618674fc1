package org.anjian.hazard.internal;

import org.anjian.audit.AuditAction;

/** The acts of hazard closure as the audit trail records them, with the words the hazard's history shows. */
public enum HazardAction implements AuditAction {

	ORDER_RECTIFICATION("hazard.order-rectification", "责令限期整改"),
	SUBMIT_RECTIFICATION("hazard.submit-rectification", "企业提交整改材料"),
	VERIFY("hazard.verify", "复查合格，销号"),
	FAIL_REINSPECTION("hazard.fail-reinspection", "复查不合格，重新限期整改"),
	MARK_OVERDUE("hazard.mark-overdue", "逾期未整改"),
	REMIND("hazard.remind", "到期提醒"),
	LIST_FOR_SUPERVISION("hazard.list-for-supervision", "挂牌督办"),
	REPORT_PROGRESS("hazard.report-progress", "报告整改进展"),
	DELIST("hazard.delist", "摘牌"),
	NOTIFY_DEPARTMENT("hazard.notify-department", "抄告其他部门"),
	RECORD_NOTICE_REPLY("hazard.record-notice-reply", "登记抄告回复"),
	/** A year of generated hazards loaded in bulk, recorded as one summary. */
	GENERATE("hazard.generate", "批量生成隐患"),
	/** Hazards moved to their enterprise's place, their acting body kept (migration V81), as one summary. */
	PLACE_AT_ENTERPRISE("hazard.place-at-enterprise", "隐患按企业所在地登记");

	private final String code;
	private final String label;

	HazardAction(String code, String label) {
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
