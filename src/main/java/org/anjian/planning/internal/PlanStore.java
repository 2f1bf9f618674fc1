package org.anjian.planning.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.grading.Grade;
import org.anjian.planning.AnnualPlan;
import org.anjian.planning.ItemKind;
import org.anjian.planning.PlanItem;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reads and writes that the plan's acts share (composition, amendments, campaigns): a plan by id, the
 * enterprises as planning sees them, inserting and reading items. Private to the module: callers go through
 * {@code Planning}, {@code PlanComposition}, {@link PlanAmendments} and {@link PlanCampaigns}. Another module's data
 * comes from its published views (enterprises, their grades and groups' reports, officers) or, for the names of a
 * few enterprises, from {@link EnterpriseRegistry}.
 */
@Component
public class PlanStore {

	private final AnnualPlans plans;
	private final JdbcClient jdbc;
	private final EnterpriseRegistry registry;
	private final Clock clock;

	PlanStore(AnnualPlans plans, JdbcClient jdbc, EnterpriseRegistry registry, Clock clock) {
		this.plans = plans;
		this.jdbc = jdbc;
		this.registry = registry;
		this.clock = clock;
	}

	public AnnualPlan plan(long id) {
		return plans.findById(id).orElseThrow(() -> new NotFoundException("执法计划 " + id + " 不存在或不在您的管辖范围内"));
	}

	/**
	 * An enterprise as planning sees it: its grade (null until graded) and whether its group reported its own
	 * supervision in the last 12 months ({@code selfSupervised}).
	 */
	public record Unit(String uscc, String districtCode, String streetCode, String sector, Set<String> tags,
			boolean keyUnit, Grade grade, boolean selfSupervised, JurisdictionLevel level, long bodyId,
			String industrySection, String industryCode) {

		public DrawAlgorithm.Candidate candidate() {
			return new DrawAlgorithm.Candidate(uscc, streetCode != null ? streetCode : districtCode);
		}
	}

	private static final String UNIT_COLUMNS = """
			e.uscc, e.district_code, e.street_code, e.sector, e.risk_tags, e.key_unit, g.grade, e.supervision_level,
			e.supervising_body_id, e.industry_code,
			(select d.section_code from industry_directory d where d.code = e.industry_code) as industry_section,
			(e.parent_group is not null and exists (select 1 from group_supervision_report f where f.uscc = e.uscc
			   and f.reported_on > :since)) as self_supervised
			from enterprise_register e left join enterprise_grade g on g.uscc = e.uscc
			""";

	/** The body's enterprises in operation, in code order. */
	public List<Unit> units(AnnualPlan plan) {
		return jdbc.sql("select " + UNIT_COLUMNS
				+ " where e.supervising_body_id = :body and e.operating_status = 'OPERATING' order by e.uscc")
			.param("body", plan.bodyId())
			.param("since", LocalDate.now(clock).minusMonths(12))
			.query(PlanStore::unit)
			.list();
	}

	public Unit unit(String uscc) {
		return jdbc.sql("select " + UNIT_COLUMNS + " where e.uscc = :uscc and e.operating_status = 'OPERATING'")
			.param("uscc", uscc == null ? "" : uscc.trim().toUpperCase())
			.param("since", LocalDate.now(clock).minusMonths(12))
			.query(PlanStore::unit)
			.optional()
			.orElseThrow(() -> new NotFoundException("企业 " + uscc + " 不存在、已停业注销或不在您的管辖范围内"));
	}

	private static Unit unit(ResultSet rs, int n) throws SQLException {
		return new Unit(rs.getString("uscc"), rs.getString("district_code"), rs.getString("street_code"),
				rs.getString("sector"), Set.of(strings(rs.getArray("risk_tags"))), rs.getBoolean("key_unit"),
				rs.getString("grade") == null ? null : Grade.valueOf(rs.getString("grade")), rs.getBoolean("self_supervised"),
				JurisdictionLevel.valueOf(rs.getString("supervision_level")), rs.getLong("supervising_body_id"),
				rs.getString("industry_section"), rs.getString("industry_code"));
	}

	public long insert(AnnualPlan plan, Unit unit, ItemKind kind, String purpose, Long jointOf, Integer sequence,
			String secondReason) {
		return insert(plan, unit, kind, purpose, jointOf, sequence, secondReason, null);
	}

	public long insert(AnnualPlan plan, Unit unit, ItemKind kind, String purpose, Long jointOf, Integer sequence,
			String secondReason, Long drawId) {
		return insert(plan, unit, kind, purpose, Matters.of(unit.sector(), unit.tags()), jointOf, sequence, secondReason,
				drawId, null);
	}

	/** Inserts an item with the given matters, optionally part of a campaign. */
	public long insert(AnnualPlan plan, Unit unit, ItemKind kind, String purpose, List<String> matters, Long jointOf,
			Integer sequence, String secondReason, Long drawId, Long campaignId) {
		return jdbc.sql("""
				insert into plan_item (plan_id, year, district_code, street_code, uscc, kind, grade, purpose, matters,
				    sequence, second_reason, joint_of, draw_id, campaign_id)
				values (:plan, :year, :district, :street, :uscc, :kind, :grade, :purpose, :matters, :sequence, :second,
				    :jointOf, :draw, :campaign)
				returning id""")
			.param("plan", plan.id()).param("year", plan.year()).param("district", plan.districtCode())
			.param("street", plan.streetCode()).param("uscc", unit.uscc()).param("kind", kind.name())
			.param("grade", unit.grade() == null ? null : unit.grade().name()).param("purpose", purpose)
			.param("matters", matters.toArray(String[]::new))
			.param("sequence", sequence == null ? 1 : sequence).param("second", secondReason)
			.param("jointOf", jointOf).param("draw", drawId).param("campaign", campaignId)
			.query(Long.class).single();
	}

	/** The body's active officers as a draw's pool, lead inspectors marked. */
	public List<DrawAlgorithm.PoolMember> officers(long bodyId) {
		return jdbc.sql("select badge_number, 'LEAD_INSPECTOR' = any(certifications) from officer_directory"
				+ " where body_id = :body and active order by badge_number")
			.param("body", bodyId)
			.query((rs, n) -> new DrawAlgorithm.PoolMember(rs.getString(1), rs.getBoolean(2))).list();
	}

	public int count(long planId) {
		return jdbc.sql("select count(*) from plan_item where plan_id = :plan").param("plan", planId)
			.query(Integer.class).single();
	}

	/** One item, with its enterprise's name. */
	public PlanItem item(long id) {
		return named(List.of(jdbc.sql("select i.*, null as enterprise_name from plan_item i where i.id = :id")
			.param("id", id).query(PlanStore::item).single())).get(0);
	}

	/** A plan's items, with their enterprises' names, in the order of kind, credit code and sequence. */
	public List<PlanItem> items(long planId) {
		return named(jdbc.sql("""
				select i.*, null as enterprise_name from plan_item i
				where i.plan_id = :plan order by i.kind, i.uscc, i.sequence""")
			.param("plan", planId)
			.query(PlanStore::item)
			.list());
	}

	/** The items with the names the registry gives their enterprises (none for one out of the caller's reach). */
	private List<PlanItem> named(List<PlanItem> items) {
		Map<String, String> names = registry.names(items.stream().map(PlanItem::uscc).toList());
		return items.stream()
			.map(i -> new PlanItem(i.id(), i.planId(), i.uscc(), names.get(i.uscc()), i.kind(), i.grade(), i.purpose(),
					i.matters(), i.sequence(), i.secondReason(), i.joint(), i.jointOf(), i.drawId(), i.campaignId()))
			.toList();
	}

	/** An item as read from {@code plan_item}, its enterprise's name from the query's {@code enterprise_name}. */
	public static PlanItem item(ResultSet rs, int n) throws SQLException {
		long jointOf = rs.getLong("joint_of");
		Long jointOfId = rs.wasNull() ? null : jointOf;
		long draw = rs.getLong("draw_id");
		Long drawId = rs.wasNull() ? null : draw;
		long campaign = rs.getLong("campaign_id");
		Long campaignId = rs.wasNull() ? null : campaign;
		return new PlanItem(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("uscc"),
				rs.getString("enterprise_name"), ItemKind.valueOf(rs.getString("kind")), rs.getString("grade"),
				rs.getString("purpose"), List.of(strings(rs.getArray("matters"))), rs.getInt("sequence"),
				rs.getString("second_reason"), rs.getBoolean("joint"), jointOfId, drawId, campaignId);
	}

	public static String[] strings(Array array) throws SQLException {
		return array == null ? new String[0] : (String[]) array.getArray();
	}
}
