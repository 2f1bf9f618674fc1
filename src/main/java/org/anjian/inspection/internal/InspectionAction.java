package org.anjian.inspection.internal;

import org.anjian.audit.AuditAction;

/** The acts of the inspection module as the audit trail records them, in an officer's words. */
public enum InspectionAction implements AuditAction {

	OPEN_FROM_PLAN("inspection.open-from-plan", "按计划生成检查任务"),
	OPEN_PLAN("inspection.open-plan", "按年度计划批量生成检查任务"),
	OPEN("inspection.open", "开具专门检查任务"),
	OPEN_TRIGGERED("inspection.open-triggered", "开具触发式检查任务"),
	OPEN_REMOTE("inspection.open-remote", "开启非现场检查"),
	MERGE_TRIGGERED("inspection.merge-triggered", "统筹归并触发式检查"),
	ASSIGN("inspection.assign", "指定执法人员"),
	ASSEMBLE_PLAN("inspection.assemble-plan", "编制检查方案"),
	ASSEMBLE_REMOTE_PLAN("inspection.assemble-remote-plan", "编制非现场检查方案"),
	ADD_PLAN_ITEM("inspection.add-plan-item", "加入检查项"),
	REMOVE_PLAN_ITEM("inspection.remove-plan-item", "移除检查项"),
	SUBMIT_PLAN("inspection.submit-plan", "提交检查方案"),
	RETURN_PLAN("inspection.return-plan", "退回检查方案"),
	APPROVE_PLAN("inspection.approve-plan", "批准检查方案"),
	CANCEL("inspection.cancel", "取消检查任务"),
	RECORD("inspection.record", "记录检查结果"),
	FINISH("inspection.finish", "完成检查"),
	PHOTO("inspection.photo", "上传现场照片"),
	EXPERT("inspection.expert", "邀请专家协助检查"),
	EXPERT_OPINION("inspection.expert-opinion", "记录专家意见"),
	CONFIRM_OPINION("inspection.confirm-opinion", "确认专家强制性意见"),
	SUBMIT_MATERIAL("inspection.submit-material", "企业提交非现场检查材料"),
	RATE("inspection.rate", "企业评价执法检查"),
	CREATE_CHECKLIST_ITEM("checklist.create", "新增检查项"),
	REVISE_CHECKLIST_ITEM("checklist.revise", "修订检查项"),
	DEACTIVATE_CHECKLIST_ITEM("checklist.deactivate", "停用检查项"),
	REACTIVATE_CHECKLIST_ITEM("checklist.reactivate", "恢复使用检查项");

	private final String code;
	private final String label;

	InspectionAction(String code, String label) {
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
