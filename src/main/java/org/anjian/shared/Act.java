package org.anjian.shared;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import static org.anjian.shared.Role.ADMIN;
import static org.anjian.shared.Role.CITY_OFFICER;
import static org.anjian.shared.Role.DISTRICT_OFFICER;
import static org.anjian.shared.Role.ENTERPRISE;
import static org.anjian.shared.Role.LEADER;
import static org.anjian.shared.Role.LEGAL_REVIEWER;
import static org.anjian.shared.Role.STREET_OFFICER;

/**
 * The table of acts × roles (职权表): every act a person does in the application and the roles that may do it, kept
 * here and nowhere else. A service method that performs an act carries {@link Authorized} naming it, and is refused
 * for any other role whatever page or API reached it (issue 21, finding 8: legal reviewers and leaders could register,
 * deregister and change the supervision level of enterprises). Where an act is done — whose enterprise, which
 * district — is the jurisdiction's business (row-level security), not this table's; and some acts add a rule of their
 * own on top (四眼原则, the second officer of 复查销号, the enterprise's own file only).
 *
 * <p>The table is shown in {@code docs/permissions.md}, written from this enum by {@code PermissionTableTests}, which
 * fails when the document and the enum differ. Acts of the public (rating an inspection through its 检查码) and of
 * machines (alarm intake by key) are not a role's and are not listed.
 */
public enum Act {

	// 企业档案 (enterprise)
	REGISTER_ENTERPRISE("企业档案", "登记企业", officersAnd(ADMIN)),
	CHANGE_ENTERPRISE("企业档案", "变更企业基本信息", officersAnd(ADMIN)),
	CHANGE_CONTACT("企业档案", "变更企业联系人", officersAnd(ADMIN, ENTERPRISE)),
	CHANGE_SUPERVISION_LEVEL("企业档案", "调整监管层级", officersAnd(ADMIN)),
	SUSPEND_ENTERPRISE("企业档案", "登记停产", officersAnd(ADMIN)),
	RESUME_ENTERPRISE("企业档案", "登记复产", officersAnd(ADMIN)),
	DEREGISTER_ENTERPRISE("企业档案", "注销企业", officersAnd(ADMIN)),
	IMPORT_ENTERPRISES("企业档案", "批量导入企业", officersAnd(ADMIN)),
	EXPORT_ENTERPRISES("企业档案", "导出企业名录", officersAnd(ADMIN)),

	// 分级分类 (grading)
	RECORD_FACT("分级分类", "记录评级事实", officersAnd()),
	WATCH_ENTERPRISE("分级分类", "列入重点关注", officersAnd(LEADER)),
	UNWATCH_ENTERPRISE("分级分类", "移出重点关注", officersAnd(LEADER)),
	REVISE_SCORING_POLICY("分级分类", "起草和修订评分规则", EnumSet.of(ADMIN)),
	ACTIVATE_SCORING_POLICY("分级分类", "启用评分规则", EnumSet.of(ADMIN)),
	REGRADE_ALL("分级分类", "全部企业重新评级", EnumSet.of(ADMIN)),

	// 执法计划 (planning)
	DRAFT_PLAN("执法计划", "编制年度计划（创建、设置、抽取、排期）", officersAnd()),
	SUBMIT_PLAN("执法计划", "提交年度计划审批", officersAnd()),
	APPROVE_PLAN("执法计划", "批准或退回年度计划", EnumSet.of(LEADER)),
	PUBLISH_PLAN("执法计划", "公布年度计划", officersAnd(LEADER)),
	AMEND_PLAN("执法计划", "调整计划（增加复查、撤出事项）", officersAnd(LEADER)),
	ADD_SPOT_CHECK("执法计划", "增加督查抽查", EnumSet.of(CITY_OFFICER)),
	PLAN_CAMPAIGN("执法计划", "安排专项检查", officersAnd()),
	DECLARE_RECUSAL("执法计划", "申报或撤回回避", officersAnd(ADMIN, LEADER, LEGAL_REVIEWER)),
	RECORD_ABSENCE("执法计划", "登记或撤销人员不在岗", EnumSet.of(ADMIN, LEADER)),
	KEEP_CALENDAR("执法计划", "维护和核对节假日", EnumSet.of(ADMIN)),

	// 执法检查 (inspection)
	OPEN_INSPECTION("执法检查", "创建检查任务（含按计划生成、远程检查）", officersAnd(LEADER)),
	ASSIGN_INSPECTORS("执法检查", "指派检查人员", officersAnd(LEADER)),
	DRAFT_INSPECTION_PLAN("执法检查", "编制和提交现场检查方案", officersAnd()),
	APPROVE_INSPECTION_PLAN("执法检查", "批准或退回现场检查方案", EnumSet.of(LEADER)),
	CANCEL_INSPECTION("执法检查", "取消检查任务", officersAnd(LEADER)),
	RECORD_INSPECTION("执法检查", "记录检查结果、照片和专家意见", officersAnd()),
	FINISH_INSPECTION("执法检查", "完成检查", officersAnd()),
	SUBMIT_REMOTE_MATERIALS("执法检查", "提交远程检查材料", EnumSet.of(ENTERPRISE)),
	KEEP_CHECKLISTS("执法检查", "维护检查事项库", EnumSet.of(ADMIN)),

	// 隐患治理 (hazard)
	ORDER_RECTIFICATION("隐患治理", "出具责令限期整改指令书", officersAnd()),
	SUBMIT_RECTIFICATION("隐患治理", "提交整改材料", EnumSet.of(ENTERPRISE)),
	VERIFY_HAZARD("隐患治理", "复查销号或复查不合格", officersAnd()),
	LIST_HAZARD("隐患治理", "挂牌督办或摘牌", officersAnd(LEADER)),
	REPORT_LISTING_PROGRESS("隐患治理", "报告督办整改进展", officersAnd(LEADER, ENTERPRISE)),
	NOTIFY_DEPARTMENT("隐患治理", "抄告相关部门并登记回复", officersAnd(LEADER)),

	// 行政处罚 (penalty)
	FILE_CASE("行政处罚", "立案申请", EnumSet.of(CITY_OFFICER, DISTRICT_OFFICER)),
	HAND_OVER_CASE("行政处罚", "移交区级执法主体立案（查罚衔接）", EnumSet.of(STREET_OFFICER)),
	HANDLE_CASE("行政处罚", "办理案件（调查取证、裁量、调查终结、送审、告知、陈述申辩笔录、听证、送达、登记缴款、移送、结案）",
			EnumSet.of(CITY_OFFICER, DISTRICT_OFFICER)),
	APPROVE_CASE("行政处罚", "审批案件（立案、延长期限、集体讨论、处罚或不予处罚决定、暂缓或分期缴纳）", EnumSet.of(LEADER)),
	REVIEW_CASE("行政处罚", "法制审核", EnumSet.of(LEGAL_REVIEWER)),
	STATE_DEFENCE("行政处罚", "在线陈述申辩、放弃陈述申辩或申请听证", EnumSet.of(ENTERPRISE)),
	REVISE_PENALTY_CATALOGUE("行政处罚", "修订裁量目录条目及其关联的检查项", EnumSet.of(ADMIN)),
	KEEP_EXEMPT_LIST("行政处罚", "维护免罚清单（含自查自报不罚）", EnumSet.of(ADMIN)),
	DRAW_CASE_FILES("行政处罚", "抽取评查案卷（重大案件全部、其他案件按比例随机）", EnumSet.of(LEGAL_REVIEWER, LEADER)),
	REVIEW_CASE_FILE("行政处罚", "案卷评查", EnumSet.of(LEGAL_REVIEWER, LEADER)),

	// 触发式监管 (trigger)
	KEEP_ALARM_SOURCES("触发式监管", "登记或停用报警来源", EnumSet.of(ADMIN)),
	KEEP_TRIGGER_RULES("触发式监管", "设定触发规则", EnumSet.of(ADMIN)),

	// 组织机构 (organization)
	RENAME_BODY("组织机构", "更改执法主体名称", EnumSet.of(ADMIN)),
	APPOINT_OFFICER("组织机构", "登记和变更执法人员", EnumSet.of(ADMIN, LEADER)),
	REGISTER_EXPERT("组织机构", "登记和变更专家", officersAnd(ADMIN, LEADER)),

	// 用户与审计 (identity, audit)
	KEEP_ACCOUNTS("用户与审计", "开设、变更账号和重置密码", EnumSet.of(ADMIN)),
	OPEN_ENTERPRISE_ACCOUNT("用户与审计", "开设和关联企业账号", officersAnd(ADMIN)),
	ANCHOR_AUDIT("用户与审计", "签署审计链头", EnumSet.of(ADMIN)),
	VERIFY_AUDIT("用户与审计", "校验审计链", EnumSet.of(ADMIN));

	private final String area;
	private final String label;
	private final Set<Role> roles;

	Act(String area, String label, Set<Role> roles) {
		this.area = area;
		this.label = label;
		this.roles = Collections.unmodifiableSet(roles);
	}

	/** The part of the work the act belongs to, as the navigation names it. */
	public String area() {
		return area;
	}

	/** The act in the regulator's words. */
	public String label() {
		return label;
	}

	/** The roles that may do it. */
	public Set<Role> roles() {
		return roles;
	}

	/** Whether an account holding these roles may do it: one of them suffices. */
	public boolean permits(Set<Role> held) {
		return held.stream().anyMatch(roles::contains);
	}

	/** The three kinds of enforcement officer, and the roles given. */
	private static Set<Role> officersAnd(Role... others) {
		EnumSet<Role> roles = EnumSet.of(CITY_OFFICER, DISTRICT_OFFICER, STREET_OFFICER);
		roles.addAll(java.util.List.of(others));
		return roles;
	}
}
