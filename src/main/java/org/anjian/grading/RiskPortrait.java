package org.anjian.grading;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.anjian.enterprise.StandardizationGrade;
import org.anjian.grading.internal.EnterpriseTraits;
import org.anjian.grading.internal.PointLabels;
import org.anjian.grading.internal.Regrading;
import org.anjian.grading.internal.RiskFacts;
import org.anjian.grading.internal.Scoring;
import org.anjian.grading.internal.ScoringPolicies;
import org.anjian.grading.internal.ScoringPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise safety portrait (企业安全画像): the stored grade and score with every point of the breakdown
 * named, the history of grade changes, and what would change the grade — points to the next threshold, facts
 * leaving their windows, overrides and positive steps the enterprise can take.
 */
@Service
public class RiskPortrait {

	private final JdbcClient jdbc;

	private final RiskFacts facts;

	private final Regrading regrading;

	private final ScoringPolicies policies;

	private final Clock clock;

	RiskPortrait(JdbcClient jdbc, RiskFacts facts, Regrading regrading, ScoringPolicies policies, Clock clock) {
		this.jdbc = jdbc;
		this.facts = facts;
		this.regrading = regrading;
		this.policies = policies;
		this.clock = clock;
	}

	/** The portrait; empty when the enterprise has no grade yet (or is not visible). */
	public record Portrait(String uscc, Grade grade, Grade pointsGrade, BigDecimal score, int policyVersion,
			LocalDate asOf, List<String> overrides, List<Line> lines, List<Change> history, List<String> outlook) {

		public BigDecimal linesTotal() {
			return lines.stream().map(Line::points).reduce(BigDecimal.ZERO, BigDecimal::add);
		}
	}

	/** One line of the breakdown with its group and Chinese description. */
	public record Line(String group, String item, Long factId, String label, BigDecimal points) {
	}

	/** One change of the grade. */
	public record Change(OffsetDateTime at, Grade from, Grade to, BigDecimal score, GradeCause cause) {
	}

	@Transactional(readOnly = true)
	public Optional<Portrait> of(String uscc) {
		record Stored(Grade grade, Grade pointsGrade, BigDecimal score, int version, LocalDate asOf, String[] overrides) {
		}
		Optional<Stored> stored = jdbc
			.sql("select grade, points_grade, score, policy_version, as_of, overrides from risk_grade where uscc = :uscc")
			.param("uscc", uscc)
			.query((rs, n) -> new Stored(Grade.valueOf(rs.getString("grade")), Grade.valueOf(rs.getString("points_grade")),
					rs.getBigDecimal("score"), rs.getInt("policy_version"), rs.getObject("as_of", LocalDate.class),
					(String[]) rs.getArray("overrides").getArray()))
			.optional();
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		List<RiskFact> known = facts.of(uscc);
		Map<Long, RiskFact> byId = known.stream().collect(Collectors.toMap(RiskFact::id, Function.identity()));
		List<Line> lines = jdbc.sql("""
				select x ->> 'item' as item, (x ->> 'fact')::bigint as fact, (x ->> 'points')::numeric as points
				from risk_grade g, jsonb_array_elements(g.breakdown) with ordinality as b(x, n)
				where g.uscc = :uscc order by n""")
			.param("uscc", uscc)
			.query((rs, n) -> {
				String item = rs.getString("item");
				Long fact = (Long) rs.getObject("fact");
				String label = fact != null && byId.containsKey(fact) ? byId.get(fact).describe() : PointLabels.of(item);
				return new Line(PointLabels.group(item), item, fact, label, rs.getBigDecimal("points"));
			})
			.list();
		List<Change> history = jdbc
			.sql("select changed_at, from_grade, to_grade, score, cause from grade_change where uscc = :uscc order by changed_at, id")
			.param("uscc", uscc)
			.query((rs, n) -> new Change(Regrading.local(rs.getObject("changed_at", OffsetDateTime.class)),
					rs.getString("from_grade") == null ? null : Grade.valueOf(rs.getString("from_grade")),
					Grade.valueOf(rs.getString("to_grade")), rs.getBigDecimal("score"),
					GradeCause.valueOf(rs.getString("cause"))))
			.list();
		Stored s = stored.get();
		List<String> overrides = Arrays.stream(s.overrides()).map(o -> OverrideKind.valueOf(o).label()).toList();
		List<String> outlook = regrading.traits(uscc)
			.map(traits -> outlook(traits, known, policies.version(s.version()), LocalDate.now(clock)))
			.orElse(List.of());
		return Optional.of(new Portrait(uscc, s.grade(), s.pointsGrade(), s.score(), s.version(), s.asOf(), overrides,
				lines, history, outlook));
	}

	/** What would change the grade, most immediate first. */
	static List<String> outlook(EnterpriseTraits traits, List<RiskFact> facts, ScoringPolicy policy, LocalDate today) {
		RiskAssessment now = Scoring.assess(traits, facts, policy, today);
		ScoringPolicy.Thresholds t = policy.thresholds();
		List<String> lines = new ArrayList<>();
		BigDecimal up = switch (now.pointsGrade()) {
			case A -> null;
			case B -> t.a();
			case C -> t.b();
			case D -> t.c();
		};
		if (up != null) {
			lines.add("再增加 " + up.subtract(now.score()).toPlainString() + " 分，按分值将升为"
					+ Grade.values()[now.pointsGrade().ordinal() - 1].label() + "。");
		}
		BigDecimal floor = switch (now.pointsGrade()) {
			case A -> t.a();
			case B -> t.b();
			case C -> t.c();
			case D -> null;
		};
		if (floor != null) {
			lines.add("减少 " + now.score().subtract(floor).add(new BigDecimal("0.1")).toPlainString() + " 分，按分值可降为"
					+ Grade.values()[now.pointsGrade().ordinal() + 1].label() + "。");
		}
		for (OverrideKind kind : now.overrides()) {
			switch (kind) {
				case FATAL_ACCIDENT -> lines.add("近12个月内发生亡人事故，期间至少为A级。");
				case OPEN_MAJOR_HAZARD -> lines.add("重大事故隐患整改销号前至少为B级。");
				case OPEN_OVERDUE_HAZARD -> lines.add("逾期隐患整改完成前至少为C级。");
			}
		}
		// without new facts, points decay and facts leave their windows: the first week the grade moves
		for (int week = 1; week <= 52 * 3; week++) {
			LocalDate day = today.plusWeeks(week);
			RiskAssessment later = Scoring.assess(traits, facts, policy, day);
			if (later.grade() != now.grade()) {
				lines.add("若无新情况，约 " + day + " 起分值降至 " + later.score().toPlainString() + " 分，将调整为"
						+ later.grade().label() + "。");
				break;
			}
		}
		BigDecimal standardization = policy.item("STANDARDIZATION:LEVEL_3");
		if (traits.standardizationGrade() == StandardizationGrade.NONE && standardization != null
				&& standardization.signum() < 0) {
			lines.add("取得安全生产标准化三级可减 " + standardization.negate().toPlainString() + " 分。");
		}
		BigDecimal insurance = policy.item("INSURANCE");
		if (!traits.liabilityInsurance() && insurance != null && insurance.signum() < 0) {
			lines.add("投保安全生产责任保险可减 " + insurance.negate().toPlainString() + " 分。");
		}
		return lines;
	}
}
