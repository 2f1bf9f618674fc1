package org.anjian.planning.internal;

import java.time.Instant;
import java.util.List;

import org.anjian.audit.AuditTrail;
import org.anjian.planning.AnnualPlan;
import org.anjian.planning.ItemKind;
import org.anjian.planning.PlanItem;
import org.anjian.planning.PlanStatus;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes to a plan's items after composition: a city supervisory spot check, a second inspection with its
 * reason, a withdrawal. A draft changes freely; a published plan only with a reason, recorded as an amendment.
 */
@Service
public class PlanAmendments {

	private final PlanStore store;
	private final JdbcClient jdbc;
	private final AuditTrail audit;

	PlanAmendments(PlanStore store, JdbcClient jdbc, AuditTrail audit) {
		this.store = store;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public record Amendment(String change, String reason, String by, Instant at) {
	}

	/** The city corps adds a supervisory spot check of a district unit, done jointly and counted once. */
	@Authorized(Act.ADD_SPOT_CHECK)
	@Transactional
	public PlanItem addSpotCheck(long planId, String uscc, String reason) {
		audit.describe(PlanningAction.PLAN_SPOT_CHECK);
		AnnualPlan plan = store.plan(planId);
		if (plan.bodyLevel() != JurisdictionLevel.CITY) {
			throw new InvalidInputException("uscc", "督导式抽查只能列入市执法总队的计划");
		}
		amendable(plan, reason, "增加督导式抽查 " + uscc);
		PlanStore.Unit unit = store.unit(uscc);
		if (unit.level() != JurisdictionLevel.DISTRICT) {
			throw new InvalidInputException("uscc", "企业 " + uscc + " 不由区执法大队监管，督导式抽查只针对区级监管企业");
		}
		long cityItem;
		try {
			cityItem = jdbc.sql("""
					insert into plan_item (plan_id, year, district_code, street_code, uscc, kind, purpose, matters, joint, added_reason)
					values (:plan, :year, :district, null, :uscc, 'SPOT_CHECK', '市执法总队督导式抽查（与区执法大队联合）', :matters, true, :reason)
					returning id""")
				.param("plan", planId).param("year", plan.year()).param("district", unit.districtCode())
				.param("uscc", unit.uscc()).param("matters", Matters.of(unit.sector(), unit.tags()).toArray(String[]::new))
				.param("reason", blankToNull(reason))
				.query(Long.class).single();
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputException("uscc", "企业 " + uscc + " 已在本计划中");
		}
		// the district's plan of the year, if it exists: its item for the enterprise becomes the shared one
		int linked = jdbc.sql("""
				update plan_item set joint_of = :city where year = :year and uscc = :uscc and sequence = 1 and id <> :city
				  and plan_id in (select id from annual_plan where body_id = :body and year = :year)""")
			.param("city", cityItem).param("year", plan.year()).param("uscc", unit.uscc()).param("body", unit.bodyId())
			.update();
		if (linked == 0) {
			jdbc.sql("select id from annual_plan where body_id = :body and year = :year").param("body", unit.bodyId())
				.param("year", plan.year()).query(Long.class).optional()
				.ifPresent(districtPlan -> store.insert(store.plan(districtPlan), unit, ItemKind.SPOT_CHECK,
						"市执法总队督导式抽查（联合检查，计入市级计划）", cityItem, null, null));
		}
		return store.item(cityItem);
	}

	/** A second planned inspection of an enterprise in the year: only with a reason, never a third. */
	@Authorized(Act.AMEND_PLAN)
	@Transactional
	public PlanItem addSecondInspection(long planId, String uscc, String reason) {
		audit.describe(PlanningAction.PLAN_SECOND_INSPECTION);
		AnnualPlan plan = store.plan(planId);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "同一企业一年内第二次计划检查须写明理由");
		}
		amendable(plan, reason, "增加第二次检查 " + uscc);
		List<String> first = jdbc.sql("select kind from plan_item where plan_id = :plan and uscc = :uscc order by sequence")
			.param("plan", planId).param("uscc", uscc).query(String.class).list();
		if (first.isEmpty()) {
			throw new InvalidInputException("uscc", "企业 " + uscc + " 尚未列入本计划，第二次检查须在首次检查之后");
		}
		if (first.size() >= 2) {
			throw new InvalidInputException("uscc", "企业 " + uscc + " 本年度已计划两次检查，不能再增加");
		}
		PlanStore.Unit unit = store.unit(uscc);
		return store.item(store.insert(plan, unit, ItemKind.valueOf(first.get(0)), "年内第二次检查：" + reason.trim(), null, 2,
				reason.trim()));
	}

	/** Takes an item out of a plan; a published plan needs the reason, recorded as an amendment. */
	@Authorized(Act.AMEND_PLAN)
	@Transactional
	public void withdraw(long planId, long itemId, String reason) {
		audit.describe(PlanningAction.PLAN_WITHDRAW_ITEM);
		AnnualPlan plan = store.plan(planId);
		PlanItem item = jdbc.sql("select i.*, null as enterprise_name from plan_item i where i.id = :id and i.plan_id = :plan")
			.param("id", itemId).param("plan", planId).query(PlanStore::item).optional()
			.orElseThrow(() -> new NotFoundException("计划事项 " + itemId + " 不存在或不在您的管辖范围内"));
		amendable(plan, reason, "撤回检查事项 " + item.uscc() + "（" + item.kind().label() + "）");
		// a withdrawn city spot check leaves the district's plan too; a district item it had joined stays, counted there
		jdbc.sql("delete from plan_item where joint_of = :id and kind = 'SPOT_CHECK'").param("id", itemId).update();
		jdbc.sql("update plan_item set joint_of = null where joint_of = :id").param("id", itemId).update();
		jdbc.sql("delete from plan_item where id = :id").param("id", itemId).update();
	}

	public List<Amendment> amendments(long planId) {
		store.plan(planId);
		return jdbc.sql("select change, reason, amended_by, amended_at from plan_amendment where plan_id = :plan order by id")
			.param("plan", planId)
			.query((rs, n) -> new Amendment(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/** Drafts change freely; a published plan only with a reason, recorded; other states not at all. */
	private void amendable(AnnualPlan plan, String reason, String change) {
		if (plan.status() == PlanStatus.DRAFT) {
			return;
		}
		if (plan.status() != PlanStatus.PUBLISHED) {
			plan.requireDraft("调整检查事项");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "计划已发布，调整须写明理由");
		}
		jdbc.sql("""
				insert into plan_amendment (plan_id, district_code, street_code, change, reason, amended_by)
				values (:plan, :district, :street, :change, :reason,
				        coalesce(nullif(current_setting('anjian.actor', true), ''), session_user::text))""")
			.param("plan", plan.id()).param("district", plan.districtCode()).param("street", plan.streetCode())
			.param("change", change).param("reason", reason.trim()).update();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
