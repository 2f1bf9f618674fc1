package org.anjian.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anjian.audit.AuditTrail;
import org.anjian.planning.internal.Campaign;
import org.anjian.planning.internal.DrawAlgorithm;
import org.anjian.planning.internal.GradeTreatmentPolicy;
import org.anjian.planning.internal.GradeTreatmentPolicy.Treatment;
import org.anjian.planning.internal.Matters;
import org.anjian.planning.internal.PlanCampaigns;
import org.anjian.planning.internal.PlanStore;
import org.anjian.planning.internal.PlanningAction;
import org.anjian.shared.Json;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.Sha256;
import org.anjian.shared.work.Progress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composes a draft plan by the rules of the seeds, from the body's enterprises in operation, each planned at most
 * once: the city's joint spot checks, key units, A-grade targeted checks, the special campaigns, the B and C draws,
 * and the general draw limited to the capacity left. What each grade asks for is {@link GradeTreatmentPolicy}'s.
 */
@Service
public class PlanComposition {

	/** The steps a composition tells its page. */
	public static final int STEPS = 7;

	private final PlanStore store;
	private final PlanCampaigns campaigns;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock;

	PlanComposition(PlanStore store, PlanCampaigns campaigns, JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.store = store;
		this.campaigns = campaigns;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What a composition produced, by kind, and whether the mandatory checks exceed the capacity. {@code campaign}
	 * counts the targeted items the special campaigns added (also counted); {@code campaignExtended} the items
	 * already planned to which a campaign added its matters.
	 */
	public record Composition(long planId, int keyUnits, int targeted, int campaign, int campaignExtended, int general,
			int jointSpotChecks, int counted, int capacity, boolean overCapacity, List<Long> drawIds) {
	}

	/**
	 * Composes a draft, in this order: the city's joint spot checks of the body's enterprises (district plans;
	 * counted in the city plan); key units; A-grade targeted checks of enterprises that are neither key units nor
	 * enterprises of a group that supervises itself (a GROUP_SUPERVISION fact in the last 12 months); the special
	 * campaigns; the B and C draws; and the general draw from all that remain, limited to the capacity left.
	 * Composing again replaces what an earlier composition made (the city's own spot checks stay); the seed and
	 * so every draw over the same enterprises come out the same.
	 */
	@Transactional
	public Composition compose(long id) {
		return compose(id, Progress.NONE);
	}

	/**
	 * The same, telling {@code progress} which of its {@value #STEPS} steps it is at. The body's enterprises are read
	 * before the earlier composition is removed: every write holds the audit trail's head until the transaction ends,
	 * and every other audited write of the city waits for it meanwhile.
	 */
	@Transactional
	public Composition compose(long id, Progress progress) {
		audit.describe(PlanningAction.PLAN_COMPOSE);
		AnnualPlan plan = store.plan(id);
		plan.requireDraft("编制");
		progress.step(0, STEPS, "读取本执法主体监管的在营企业");
		List<PlanStore.Unit> units = store.units(plan);
		progress.step(1, STEPS, "清除上次编制的结果（" + units.size() + " 户在营企业）");
		jdbc.sql("delete from plan_item where plan_id = :plan and (kind <> 'SPOT_CHECK' or joint_of is not null)")
			.param("plan", id).update();
		jdbc.sql("delete from plan_draw_result where draw_id in (select id from plan_draw where plan_id = :plan)")
			.param("plan", id).update();
		jdbc.sql("delete from plan_draw where plan_id = :plan").param("plan", id).update();

		progress.step(2, STEPS, "列入市级督导式抽查、重点单位和A级企业");
		Set<String> planned = new HashSet<>(jdbc.sql("select uscc from plan_item where plan_id = :plan")
			.param("plan", id).query(String.class).list());

		int joint = 0;
		if (plan.bodyLevel() != JurisdictionLevel.CITY) {
			Map<String, PlanStore.Unit> byCode = byCode(units);
			List<Map.Entry<Long, String>> spotChecks = jdbc.sql("""
					select id, uscc from plan_item where kind = 'SPOT_CHECK' and joint and joint_of is null and year = :year
					order by uscc""")
				.param("year", plan.year())
				.query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("uscc")))
				.list();
			for (Map.Entry<Long, String> spot : spotChecks) {
				PlanStore.Unit unit = byCode.get(spot.getValue());
				if (unit != null && planned.add(unit.uscc())) {
					store.insert(plan, unit, ItemKind.SPOT_CHECK, "市执法总队督导式抽查（联合检查，计入市级计划）", spot.getKey(), null,
							null);
					joint++;
				}
			}
		}
		int keyUnits = 0;
		for (PlanStore.Unit unit : units) {
			if (unit.keyUnit() && planned.add(unit.uscc())) {
				store.insert(plan, unit, ItemKind.KEY_UNIT, "重点单位检查（每年一次）", null, null, null);
				keyUnits++;
			}
		}
		PlanSettings settings = plan.settings();
		List<DrawAlgorithm.PoolMember> officers = store.officers(plan.bodyId());
		List<Long> drawIds = new ArrayList<>();
		int targeted = 0;
		for (PlanStore.Unit unit : units) {
			GradeTreatmentPolicy.Decision treatment = GradeTreatmentPolicy.treatment(unit.grade(), unit.selfSupervised());
			if (treatment.treatment() == Treatment.FULL_CHECK && planned.add(unit.uscc())) {
				store.insert(plan, unit, ItemKind.TARGETED, treatment.reason(), null, null, null);
				targeted++;
			}
		}
		progress.step(3, STEPS, "列入专项检查");
		int campaign = 0;
		int extended = 0;
		for (Campaign c : campaigns.campaigns(id)) {
			int[] made = campaign(plan, c, units, planned);
			campaign += made[0];
			extended += made[1];
		}
		progress.step(4, STEPS, "抽取B级重点抽查企业");
		targeted += drawInto(plan, units, planned, officers, Treatment.SAMPLE, settings.sampleRateB(), drawIds);
		progress.step(5, STEPS, "抽取C级主动帮扶企业");
		targeted += drawInto(plan, units, planned, officers, Treatment.ASSISTANCE, settings.assistanceRateC(), drawIds);
		progress.step(6, STEPS, "双随机抽取一般检查企业");

		int capacity = settings.capacity(officers.size());
		int counted = keyUnits + targeted + campaign + countedSpotChecks(id);
		List<DrawAlgorithm.Candidate> rest = units.stream().filter(u -> !planned.contains(u.uscc()))
			.map(PlanStore.Unit::candidate).toList();
		int want = settings.generalDrawRate().multiply(BigDecimal.valueOf(rest.size()))
			.setScale(0, RoundingMode.HALF_UP).intValue();
		int general = perform(plan, rest, Math.min(want, Math.max(0, capacity - counted)), officers, "GENERAL",
				ItemKind.GENERAL, "双随机一般检查", units, planned, drawIds);
		counted += general;
		progress.step(STEPS, STEPS, "编制完成");
		return new Composition(id, keyUnits, targeted, campaign, extended, general, joint, counted, capacity,
				counted > capacity, drawIds);
	}

	/**
	 * One campaign over the body's enterprises: those already planned get its matters (and the campaign, if no
	 * earlier one claimed them); the others get a targeted item of their own, except enterprises of a group that
	 * supervises itself, left out as from every targeted check. Returns the items made and the items extended.
	 */
	private int[] campaign(AnnualPlan plan, Campaign campaign, List<PlanStore.Unit> units, Set<String> planned) {
		List<String> extend = new ArrayList<>();
		int made = 0;
		for (PlanStore.Unit unit : units) {
			if (!campaign.targets(unit.sector(), unit.industrySection(), unit.industryCode(), unit.tags(),
					unit.streetCode())) {
				continue;
			}
			if (planned.contains(unit.uscc())) {
				extend.add(unit.uscc());
			}
			else if (GradeTreatmentPolicy.campaignItem(unit.selfSupervised(), unit.keyUnit()).allowed()) {
				Set<String> matters = new LinkedHashSet<>(Matters.of(unit.sector(), unit.tags()));
				matters.addAll(campaign.matters());
				store.insert(plan, unit, ItemKind.TARGETED, ItemCategory.CAMPAIGN_PURPOSE + campaign.name(),
						List.copyOf(matters), null, null,
						null, null, campaign.id());
				planned.add(unit.uscc());
				made++;
			}
		}
		if (!extend.isEmpty()) {
			// set-based: a campaign may reach tens of thousands of planned enterprises; the order of matters is kept
			jdbc.sql("""
					update plan_item i set campaign_id = coalesce(i.campaign_id, :campaign),
					  matters = i.matters || array(select m from unnest(cast(:matters as text[])) with ordinality as t(m, o)
					                               where m <> all(i.matters) order by o)
					where i.plan_id = :plan and i.uscc = any(:usccs) and i.sequence = 1""")
				.param("campaign", campaign.id()).param("matters", campaign.matters().toArray(String[]::new))
				.param("plan", plan.id()).param("usccs", extend.toArray(String[]::new))
				.update();
		}
		return new int[] { made, extend.size() };
	}

	/** Draws a share of the enterprises the treatment applies to that nothing planned yet. */
	private int drawInto(AnnualPlan plan, List<PlanStore.Unit> units, Set<String> planned,
			List<DrawAlgorithm.PoolMember> officers, Treatment treatment, BigDecimal rate, List<Long> drawIds) {
		List<DrawAlgorithm.Candidate> candidates = units.stream()
			.filter(u -> !planned.contains(u.uscc()))
			.filter(u -> GradeTreatmentPolicy.treatment(u.grade(), u.selfSupervised()).treatment() == treatment)
			.map(PlanStore.Unit::candidate).toList();
		int want = rate.multiply(BigDecimal.valueOf(candidates.size())).setScale(0, RoundingMode.HALF_UP).intValue();
		return perform(plan, candidates, want, officers, treatment.drawPurpose(), ItemKind.TARGETED, treatment.purpose(),
				units, planned, drawIds);
	}

	/** Draws from frozen candidates, stores the draw and its result, and plans the drawn enterprises. */
	private int perform(AnnualPlan plan, List<DrawAlgorithm.Candidate> candidates, int total,
			List<DrawAlgorithm.PoolMember> officers,
			String purpose, ItemKind kind, String label, List<PlanStore.Unit> units, Set<String> planned,
			List<Long> drawIds) {
		if (candidates.isEmpty()) {
			return 0;
		}
		List<DrawAlgorithm.Stratum> strata = DrawAlgorithm.quotas(candidates, total);
		int perInspection = Math.min(PlanSettings.OFFICERS_PER_INSPECTION, officers.size());
		List<DrawAlgorithm.Selected> selected = DrawAlgorithm.draw(plan.seed(), candidates, strata);
		String candidateText = DrawAlgorithm.candidateText(candidates);
		String officerText = DrawAlgorithm.officerText(officers);
		String strataJson = Json.write(strata.stream()
			.map(st -> java.util.Map.of("stratum", st.stratum(), "size", st.size(), "taken", st.taken())).toList());
		long drawId = jdbc.sql("""
				insert into plan_draw (plan_id, district_code, street_code, purpose, algorithm, seed, seed_recorded_at,
				    candidates, candidates_sha256, officers, officers_sha256, officers_per_inspection, strata, drawn_at)
				values (:plan, :district, :street, :purpose, :algorithm, :seed, :seedAt, :candidates, :candidatesHash,
				    :officers, :officersHash, :perInspection, cast(:strata as jsonb), :at)
				returning id""")
			.param("plan", plan.id()).param("district", plan.districtCode()).param("street", plan.streetCode())
			.param("purpose", purpose).param("algorithm", DrawAlgorithm.VERSION).param("seed", plan.seed())
			.param("seedAt", java.sql.Timestamp.from(plan.seedRecordedAt()))
			.param("candidates", candidateText).param("candidatesHash", Sha256.hex(candidateText))
			.param("officers", officerText).param("officersHash", Sha256.hex(officerText))
			.param("perInspection", perInspection).param("strata", strataJson)
			.param("at", java.sql.Timestamp.from(clock.instant()))
			.query(Long.class).single();
		drawIds.add(drawId);
		Map<String, PlanStore.Unit> byCode = byCode(units);
		for (DrawAlgorithm.Selected s : selected) {
			jdbc.sql("""
					insert into plan_draw_result (draw_id, district_code, street_code, uscc, stratum, ticket, officers)
					values (:draw, :district, :street, :uscc, :stratum, :ticket, '{}')""")
				.param("draw", drawId).param("district", plan.districtCode()).param("street", plan.streetCode())
				.param("uscc", s.uscc()).param("stratum", s.stratum()).param("ticket", s.ticket())
				.update();
			planned.add(s.uscc());
			store.insert(plan, byCode.get(s.uscc()), kind, label, null, null, null, drawId);
		}
		return selected.size();
	}

	private int countedSpotChecks(long planId) {
		return jdbc.sql("select count(*) from plan_item where plan_id = :plan and kind = 'SPOT_CHECK' and joint_of is null")
			.param("plan", planId).query(Integer.class).single();
	}

	private static Map<String, PlanStore.Unit> byCode(List<PlanStore.Unit> units) {
		Map<String, PlanStore.Unit> byCode = new HashMap<>();
		units.forEach(u -> byCode.put(u.uscc(), u));
		return byCode;
	}
}
