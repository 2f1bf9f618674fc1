package org.anjian.planning;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.anjian.audit.AuditTrail;
import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Organization;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * The official acts on annual plans: open a draft, compose it by the rules, submit, return, approve, publish,
 * and the changes to items (a city supervisory spot check, a second inspection with its reason, a withdrawal),
 * which a published plan accepts only with a recorded reason. Each act runs in one transaction under the audit
 * trail; the caller's jurisdiction limits, in the database, which plans and enterprises it reaches.
 */
@Service
public class Planning {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AnnualPlans plans;
	private final Organization organization;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock = Clock.system(SHANGHAI);

	Planning(AnnualPlans plans, Organization organization, JdbcClient jdbc, AuditTrail audit) {
		this.plans = plans;
		this.organization = organization;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** What a composition produced, by kind, and whether the mandatory checks exceed the capacity. */
	public record Composition(long planId, int keyUnits, int targeted, int general, int jointSpotChecks, int counted,
			int capacity, boolean overCapacity, List<Long> drawIds) {
	}

	public AnnualPlan plan(long id) {
		return plans.findById(id).orElseThrow(() -> new NotFoundException("执法计划 " + id + " 不存在或不在您的管辖范围内"));
	}

	public List<AnnualPlan> plans(Integer year) {
		return plans.search(year);
	}

	/** Refuses, as not found, a body outside the caller's jurisdiction. */
	public void requireBodyVisible(long bodyId) {
		organization.body(bodyId);
	}

	/** Opens the draft plan of a body for a year; its seed is drawn now, before any draw uses it. */
	@Transactional
	public AnnualPlan open(long bodyId, int year, PlanSettings settings, String by) {
		audit.describe("plan.open");
		EnforcementBody body = organization.body(bodyId);
		if (plans.findByBodyAndYear(bodyId, year).isPresent()) {
			throw new InvalidInputException("year", body.name() + " 已有 " + year + " 年度执法计划，请在原计划上修改");
		}
		byte[] seed = new byte[16];
		RANDOM.nextBytes(seed);
		return plans.save(AnnualPlan.draft(bodyId, body.level(), body.districtCode(), body.streetCode(), year, settings,
				HexFormat.of().formatHex(seed), clock.instant(), by));
	}

	@Transactional
	public AnnualPlan configure(long id, PlanSettings settings, Integer version) {
		return act(id, version, "plan.configure", plan -> plan.configure(settings));
	}

	@Transactional
	public AnnualPlan submit(long id, Integer version) {
		return act(id, version, "plan.submit", plan -> {
			if (count(id) == 0) {
				throw new InvalidInputException("items", "计划还没有检查事项，请先编制计划再提交");
			}
			plan.submit();
		});
	}

	@Transactional
	public AnnualPlan returnToDraft(long id, Integer version) {
		return act(id, version, "plan.return", AnnualPlan::returnToDraft);
	}

	@Transactional
	public AnnualPlan approve(long id, String leader, Integer version) {
		return act(id, version, "plan.approve", plan -> plan.approve(leader));
	}

	@Transactional
	public AnnualPlan publish(long id, Integer version) {
		return act(id, version, "plan.publish", plan -> plan.publish(clock.instant()));
	}

	/** One official act on the plan: named in the audit trail, on the current version, saved. */
	private AnnualPlan act(long id, Integer version, String name, Consumer<AnnualPlan> act) {
		audit.describe(name);
		AnnualPlan plan = current(id, version);
		act.accept(plan);
		return plans.save(plan);
	}

	/** How many items each visible plan holds, and how many of them count as its own inspections; one query. */
	public record ItemCount(int items, int counted) {
	}

	public Map<Long, ItemCount> itemCounts() {
		Map<Long, ItemCount> counts = new HashMap<>();
		jdbc.sql("select plan_id, count(*) as items, count(*) filter (where joint_of is null) as counted"
				+ " from plan_item group by plan_id")
			.query(rs -> {
				counts.put(rs.getLong("plan_id"), new ItemCount(rs.getInt("items"), rs.getInt("counted")));
			});
		return counts;
	}

	public List<PlanItem> items(long planId) {
		plan(planId);
		return jdbc.sql("""
				select i.*, e.name as enterprise_name from plan_item i left join enterprise e on e.uscc = i.uscc
				where i.plan_id = :plan order by i.kind, i.uscc, i.sequence""")
			.param("plan", planId)
			.query(Planning::item)
			.list();
	}

	/** Draw ids of a plan, in the order drawn. */
	public List<Long> draws(long planId) {
		plan(planId);
		return jdbc.sql("select id from plan_draw where plan_id = :plan order by id").param("plan", planId)
			.query(Long.class).list();
	}

	/** A city-wide count of the year's planned inspections: a shared spot check counts once. */
	public long inspectionsCounted(int year) {
		return jdbc.sql("select count(*) from plan_item where year = :year and joint_of is null").param("year", year)
			.query(Long.class).single();
	}

	/**
	 * Composes a draft from the body's enterprises in operation, each planned at most once, in this order: the
	 * city's joint spot checks of the body's enterprises (district plans; counted in the city plan); key units;
	 * targeted checks by grade (A all, B and C drawn at the plan's rates) of enterprises that are neither key
	 * units nor enterprises of a group that supervises itself (a GROUP_SUPERVISION fact in the last 12 months);
	 * and the general draw from all that remain, limited to the capacity left. Composing again replaces what an
	 * earlier composition made (the city's own spot checks stay); the seed and so every draw over the same
	 * enterprises come out the same.
	 */
	@Transactional
	public Composition compose(long id) {
		audit.describe("plan.compose");
		AnnualPlan plan = plan(id);
		plan.requireDraft("编制");
		jdbc.sql("delete from plan_item where plan_id = :plan and (kind <> 'SPOT_CHECK' or joint_of is not null)")
			.param("plan", id).update();
		jdbc.sql("delete from plan_draw_result where draw_id in (select id from plan_draw where plan_id = :plan)")
			.param("plan", id).update();
		jdbc.sql("delete from plan_draw where plan_id = :plan").param("plan", id).update();

		List<Unit> units = units(plan);
		Set<String> planned = new HashSet<>(jdbc.sql("select uscc from plan_item where plan_id = :plan")
			.param("plan", id).query(String.class).list());

		int joint = 0;
		if (plan.bodyLevel() != JurisdictionLevel.CITY) {
			Map<String, Unit> byCode = new java.util.HashMap<>();
			units.forEach(u -> byCode.put(u.uscc(), u));
			List<Map.Entry<Long, String>> spotChecks = jdbc.sql("""
					select id, uscc from plan_item where kind = 'SPOT_CHECK' and joint and joint_of is null and year = :year
					order by uscc""")
				.param("year", plan.year())
				.query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("uscc")))
				.list();
			for (Map.Entry<Long, String> spot : spotChecks) {
				Unit unit = byCode.get(spot.getValue());
				if (unit != null && planned.add(unit.uscc())) {
					insert(plan, unit, ItemKind.SPOT_CHECK, "市执法总队督导式抽查（联合检查，计入市级计划）", spot.getKey(), null, null);
					joint++;
				}
			}
		}
		int keyUnits = 0;
		for (Unit unit : units) {
			if (unit.keyUnit() && planned.add(unit.uscc())) {
				insert(plan, unit, ItemKind.KEY_UNIT, "重点单位检查（每年一次）", null, null, null);
				keyUnits++;
			}
		}
		PlanSettings settings = plan.settings();
		List<String> officers = officers(plan.bodyId());
		List<Long> drawIds = new ArrayList<>();
		int targeted = 0;
		for (Unit unit : units) {
			if ("A".equals(unit.grade()) && !unit.selfSupervised() && planned.add(unit.uscc())) {
				insert(plan, unit, ItemKind.TARGETED, "A级全量体检", null, null, null);
				targeted++;
			}
		}
		targeted += drawInto(plan, units, planned, officers, "B", settings.sampleRateB(), "B_SAMPLE", "B级重点抽查", drawIds);
		targeted += drawInto(plan, units, planned, officers, "C", settings.assistanceRateC(), "C_ASSISTANCE", "C级主动帮扶",
				drawIds);

		int capacity = settings.capacity(officers.size());
		int counted = keyUnits + targeted + countedSpotChecks(id);
		List<DrawAlgorithm.Candidate> rest = units.stream().filter(u -> !planned.contains(u.uscc()))
			.map(Unit::candidate).toList();
		int want = settings.generalDrawRate().multiply(java.math.BigDecimal.valueOf(rest.size()))
			.setScale(0, java.math.RoundingMode.HALF_UP).intValue();
		int general = perform(plan, rest, Math.min(want, Math.max(0, capacity - counted)), officers, "GENERAL",
				ItemKind.GENERAL, "双随机一般检查", units, planned, drawIds);
		counted += general;
		return new Composition(id, keyUnits, targeted, general, joint, counted, capacity, counted > capacity, drawIds);
	}

	/** The city corps adds a supervisory spot check of a district unit, done jointly and counted once. */
	@Transactional
	public PlanItem addSpotCheck(long planId, String uscc, String reason) {
		audit.describe("plan.spot-check");
		AnnualPlan plan = plan(planId);
		if (plan.bodyLevel() != JurisdictionLevel.CITY) {
			throw new InvalidInputException("uscc", "督导式抽查只能列入市执法总队的计划");
		}
		amendable(plan, reason, "增加督导式抽查 " + uscc);
		Unit unit = unit(uscc, plan.year());
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
				.ifPresent(districtPlan -> insert(plans.findById(districtPlan).orElseThrow(), unit, ItemKind.SPOT_CHECK,
						"市执法总队督导式抽查（联合检查，计入市级计划）", cityItem, null, null));
		}
		return item(cityItem);
	}

	/** A second planned inspection of an enterprise in the year: only with a reason, never a third. */
	@Transactional
	public PlanItem addSecondInspection(long planId, String uscc, String reason) {
		audit.describe("plan.second-inspection");
		AnnualPlan plan = plan(planId);
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
		Unit unit = unit(uscc, plan.year());
		return item(insert(plan, unit, ItemKind.valueOf(first.get(0)), "年内第二次检查：" + reason.trim(), null, 2,
				reason.trim()));
	}

	/** Takes an item out of a plan; a published plan needs the reason, recorded as an amendment. */
	@Transactional
	public void withdraw(long planId, long itemId, String reason) {
		audit.describe("plan.withdraw-item");
		AnnualPlan plan = plan(planId);
		PlanItem item = jdbc.sql("select i.*, null as enterprise_name from plan_item i where i.id = :id and i.plan_id = :plan")
			.param("id", itemId).param("plan", planId).query(Planning::item).optional()
			.orElseThrow(() -> new NotFoundException("计划事项 " + itemId + " 不存在或不在您的管辖范围内"));
		amendable(plan, reason, "撤回检查事项 " + item.uscc() + "（" + item.kind().label() + "）");
		// a withdrawn city spot check leaves the district's plan too; a district item it had joined stays, counted there
		jdbc.sql("delete from plan_item where joint_of = :id and kind = 'SPOT_CHECK'").param("id", itemId).update();
		jdbc.sql("update plan_item set joint_of = null where joint_of = :id").param("id", itemId).update();
		jdbc.sql("delete from plan_item where id = :id").param("id", itemId).update();
	}

	public List<Amendment> amendments(long planId) {
		plan(planId);
		return jdbc.sql("select change, reason, amended_by, amended_at from plan_amendment where plan_id = :plan order by id")
			.param("plan", planId)
			.query((rs, n) -> new Amendment(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	public record Amendment(String change, String reason, String by, Instant at) {
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

	private int drawInto(AnnualPlan plan, List<Unit> units, Set<String> planned, List<String> officers, String grade,
			java.math.BigDecimal rate, String purpose, String label, List<Long> drawIds) {
		List<DrawAlgorithm.Candidate> candidates = units.stream()
			.filter(u -> grade.equals(u.grade()) && !u.selfSupervised() && !planned.contains(u.uscc()))
			.map(Unit::candidate).toList();
		int want = rate.multiply(java.math.BigDecimal.valueOf(candidates.size()))
			.setScale(0, java.math.RoundingMode.HALF_UP).intValue();
		return perform(plan, candidates, want, officers, purpose, ItemKind.TARGETED, label, units, planned, drawIds);
	}

	/** Draws from frozen candidates, stores the draw and its result, and plans the drawn enterprises. */
	private int perform(AnnualPlan plan, List<DrawAlgorithm.Candidate> candidates, int total, List<String> officers,
			String purpose, ItemKind kind, String label, List<Unit> units, Set<String> planned, List<Long> drawIds) {
		if (candidates.isEmpty()) {
			return 0;
		}
		List<DrawAlgorithm.Stratum> strata = DrawAlgorithm.quotas(candidates, total);
		int perInspection = Math.min(PlanSettings.OFFICERS_PER_INSPECTION, officers.size());
		List<DrawAlgorithm.Selected> selected = DrawAlgorithm.draw(plan.seed(), candidates, strata, officers, perInspection);
		String candidateText = DrawAlgorithm.candidateText(candidates);
		String officerText = DrawAlgorithm.officerText(officers);
		String strataJson = strata.stream()
			.map(st -> "{\"stratum\":\"" + st.stratum() + "\",\"size\":" + st.size() + ",\"taken\":" + st.taken() + "}")
			.collect(java.util.stream.Collectors.joining(",", "[", "]"));
		long drawId = jdbc.sql("""
				insert into plan_draw (plan_id, district_code, street_code, purpose, algorithm, seed, seed_recorded_at,
				    candidates, candidates_sha256, officers, officers_sha256, officers_per_inspection, strata, drawn_at)
				values (:plan, :district, :street, :purpose, :algorithm, :seed, :seedAt, :candidates, :candidatesHash,
				    :officers, :officersHash, :perInspection, cast(:strata as jsonb), :at)
				returning id""")
			.param("plan", plan.id()).param("district", plan.districtCode()).param("street", plan.streetCode())
			.param("purpose", purpose).param("algorithm", DrawAlgorithm.VERSION).param("seed", plan.seed())
			.param("seedAt", java.sql.Timestamp.from(plan.seedRecordedAt()))
			.param("candidates", candidateText).param("candidatesHash", DrawAlgorithm.sha256(candidateText))
			.param("officers", officerText).param("officersHash", DrawAlgorithm.sha256(officerText))
			.param("perInspection", perInspection).param("strata", strataJson)
			.param("at", java.sql.Timestamp.from(clock.instant()))
			.query(Long.class).single();
		drawIds.add(drawId);
		Map<String, Unit> byCode = new java.util.HashMap<>();
		units.forEach(u -> byCode.put(u.uscc(), u));
		for (DrawAlgorithm.Selected s : selected) {
			jdbc.sql("""
					insert into plan_draw_result (draw_id, district_code, street_code, uscc, stratum, ticket, officers)
					values (:draw, :district, :street, :uscc, :stratum, :ticket, :officers)""")
				.param("draw", drawId).param("district", plan.districtCode()).param("street", plan.streetCode())
				.param("uscc", s.uscc()).param("stratum", s.stratum()).param("ticket", s.ticket())
				.param("officers", s.officers().toArray(String[]::new))
				.update();
			planned.add(s.uscc());
			insert(plan, byCode.get(s.uscc()), kind, label, null, null, null, drawId);
		}
		return selected.size();
	}

	private long insert(AnnualPlan plan, Unit unit, ItemKind kind, String purpose, Long jointOf, Integer sequence,
			String secondReason) {
		return insert(plan, unit, kind, purpose, jointOf, sequence, secondReason, null);
	}

	private long insert(AnnualPlan plan, Unit unit, ItemKind kind, String purpose, Long jointOf, Integer sequence,
			String secondReason, Long drawId) {
		return jdbc.sql("""
				insert into plan_item (plan_id, year, district_code, street_code, uscc, kind, grade, purpose, matters,
				    sequence, second_reason, joint_of, draw_id)
				values (:plan, :year, :district, :street, :uscc, :kind, :grade, :purpose, :matters, :sequence, :second,
				    :jointOf, :draw)
				returning id""")
			.param("plan", plan.id()).param("year", plan.year()).param("district", plan.districtCode())
			.param("street", plan.streetCode()).param("uscc", unit.uscc()).param("kind", kind.name())
			.param("grade", unit.grade()).param("purpose", purpose)
			.param("matters", Matters.of(unit.sector(), unit.tags()).toArray(String[]::new))
			.param("sequence", sequence == null ? 1 : sequence).param("second", secondReason)
			.param("jointOf", jointOf).param("draw", drawId)
			.query(Long.class).single();
	}

	/** An enterprise as planning sees it. */
	record Unit(String uscc, String districtCode, String streetCode, String sector, Set<String> tags, boolean keyUnit,
			String grade, boolean selfSupervised, JurisdictionLevel level, long bodyId) {

		DrawAlgorithm.Candidate candidate() {
			return new DrawAlgorithm.Candidate(uscc, streetCode != null ? streetCode : districtCode);
		}
	}

	private static final String UNIT_COLUMNS = """
			e.uscc, e.district_code, e.street_code, e.sector, e.risk_tags, e.key_unit, g.grade, e.supervision_level,
			e.supervising_body_id,
			(e.parent_group is not null and exists (select 1 from risk_fact f where f.uscc = e.uscc
			   and f.kind = 'GROUP_SUPERVISION' and f.occurred_on > :since)) as self_supervised
			from enterprise e left join risk_grade g on g.uscc = e.uscc
			""";

	private List<Unit> units(AnnualPlan plan) {
		return jdbc.sql("select " + UNIT_COLUMNS
				+ " where e.supervising_body_id = :body and e.operating_status = 'OPERATING' order by e.uscc")
			.param("body", plan.bodyId())
			.param("since", LocalDate.now(clock).minusMonths(12))
			.query(Planning::unit)
			.list();
	}

	private Unit unit(String uscc, int year) {
		return jdbc.sql("select " + UNIT_COLUMNS + " where e.uscc = :uscc and e.operating_status = 'OPERATING'")
			.param("uscc", uscc == null ? "" : uscc.trim().toUpperCase())
			.param("since", LocalDate.now(clock).minusMonths(12))
			.query(Planning::unit)
			.optional()
			.orElseThrow(() -> new NotFoundException("企业 " + uscc + " 不存在、已停业注销或不在您的管辖范围内"));
	}

	private static Unit unit(ResultSet rs, int n) throws SQLException {
		return new Unit(rs.getString("uscc"), rs.getString("district_code"), rs.getString("street_code"),
				rs.getString("sector"), Set.of(strings(rs.getArray("risk_tags"))), rs.getBoolean("key_unit"),
				rs.getString("grade"), rs.getBoolean("self_supervised"),
				JurisdictionLevel.valueOf(rs.getString("supervision_level")), rs.getLong("supervising_body_id"));
	}

	private List<String> officers(long bodyId) {
		return jdbc.sql("select badge_number from officer where body_id = :body and active order by badge_number")
			.param("body", bodyId).query(String.class).list();
	}

	private int countedSpotChecks(long planId) {
		return jdbc.sql("select count(*) from plan_item where plan_id = :plan and kind = 'SPOT_CHECK' and joint_of is null")
			.param("plan", planId).query(Integer.class).single();
	}

	private int count(long planId) {
		return jdbc.sql("select count(*) from plan_item where plan_id = :plan").param("plan", planId)
			.query(Integer.class).single();
	}

	private PlanItem item(long id) {
		return jdbc.sql("""
				select i.*, e.name as enterprise_name from plan_item i left join enterprise e on e.uscc = i.uscc
				where i.id = :id""").param("id", id).query(Planning::item).single();
	}

	private static PlanItem item(ResultSet rs, int n) throws SQLException {
		long jointOf = rs.getLong("joint_of");
		Long jointOfId = rs.wasNull() ? null : jointOf;
		long draw = rs.getLong("draw_id");
		Long drawId = rs.wasNull() ? null : draw;
		return new PlanItem(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("uscc"),
				rs.getString("enterprise_name"), ItemKind.valueOf(rs.getString("kind")), rs.getString("grade"),
				rs.getString("purpose"), List.of(strings(rs.getArray("matters"))), rs.getInt("sequence"),
				rs.getString("second_reason"), rs.getBoolean("joint"), jointOfId, drawId);
	}

	private static String[] strings(Array array) throws SQLException {
		return array == null ? new String[0] : (String[]) array.getArray();
	}

	private AnnualPlan current(long id, Integer version) {
		AnnualPlan plan = plan(id);
		if (version != null && version != plan.version()) {
			throw new OptimisticLockingFailureException("stale version " + version + " (now " + plan.version() + ")");
		}
		return plan;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
