package org.anjian.portal.web;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.anjian.shared.Role;

import static org.anjian.shared.Role.ADMIN;
import static org.anjian.shared.Role.CITY_OFFICER;
import static org.anjian.shared.Role.DISTRICT_OFFICER;
import static org.anjian.shared.Role.ENTERPRISE;
import static org.anjian.shared.Role.LEADER;
import static org.anjian.shared.Role.LEGAL_REVIEWER;
import static org.anjian.shared.Role.STREET_OFFICER;

/**
 * Which entries of the navigation a person may open, so that it offers nothing that would refuse them: each entry
 * with the roles the page's controller lets in ({@code @PreAuthorize}, or the URL rules of the security
 * configuration for {@code /admin/**}). {@code NavigationTests} opens every entry shown to every role.
 *
 * @param enterprises the registry's list (no role rule: every staff role; an enterprise's user has its own file)
 * @param ownFile the enterprise's own file
 * @param grading 分级看板 and 不放心企业 ({@code GradingApi.OFFICERS}: staff, legal reviewers and ADMIN too)
 * @param plans 执法计划 ({@code PlanApi.OFFICERS}: officers and leaders)
 * @param inspections 执法检查 ({@code InspectionPages.STAFF}: officers and leaders)
 * @param myInspections the enterprise's remote inspections
 * @param hazards 隐患治理 ({@code HazardPages.STAFF}: officers and leaders)
 * @param myHazards the enterprise's hazards
 * @param penalties 行政处罚 ({@code PenaltyPages.STAFF}: officers, leaders, legal reviewers)
 * @param myPenaltyCases the enterprise's penalty cases (its defence online)
 * @param triggers 触发式监管 ({@code TriggerPages}: officers, leaders and ADMIN)
 * @param organization 组织机构 (no role rule: every staff role)
 * @param checklists 标准化检查表单 at the top, for those without the enforcement pages that lead to it (legal
 * reviewers; ADMIN finds it under 系统管理)
 * @param admin 系统管理 ({@code /admin/**}: ADMIN)
 * @param caseReviews 案卷评查 ({@code CaseFileReviewPages.READERS}: legal reviewers, leaders, city and district officers)
 */
public record Navigation(boolean enterprises, boolean ownFile, boolean grading, boolean plans, boolean inspections,
		boolean myInspections, boolean hazards, boolean myHazards, boolean penalties, boolean myPenaltyCases,
		boolean triggers, boolean organization,
		boolean checklists, boolean admin, boolean caseReviews) {

	private static final Set<Role> ENFORCEMENT = EnumSet.of(CITY_OFFICER, DISTRICT_OFFICER, STREET_OFFICER, LEADER);
	private static final Set<Role> CASE_REVIEWS = EnumSet.of(LEGAL_REVIEWER, LEADER, CITY_OFFICER, DISTRICT_OFFICER);
	private static final Set<Role> STAFF = EnumSet.of(CITY_OFFICER, DISTRICT_OFFICER, STREET_OFFICER, LEADER,
			LEGAL_REVIEWER, ADMIN);

	private static final Set<Role> PENALTIES = EnumSet.of(CITY_OFFICER, DISTRICT_OFFICER, STREET_OFFICER, LEADER,
			LEGAL_REVIEWER);

	static Navigation of(Collection<Role> roles) {
		boolean enforcement = any(roles, ENFORCEMENT);
		boolean staff = any(roles, STAFF);
		return new Navigation(staff, roles.contains(ENTERPRISE), staff, enforcement, enforcement,
				roles.contains(ENTERPRISE), enforcement, roles.contains(ENTERPRISE), any(roles, PENALTIES),
				roles.contains(ENTERPRISE),
				enforcement || roles.contains(ADMIN),
				staff, roles.contains(LEGAL_REVIEWER) && !enforcement && !roles.contains(ADMIN), roles.contains(ADMIN),
				any(roles, CASE_REVIEWS));
	}

	private static boolean any(Collection<Role> roles, Set<Role> allowed) {
		return roles.stream().anyMatch(allowed::contains);
	}
}
