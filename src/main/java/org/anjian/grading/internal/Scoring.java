package org.anjian.grading.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.StandardizationGrade;
import org.anjian.grading.FactKind;
import org.anjian.grading.Grade;
import org.anjian.grading.OverrideKind;
import org.anjian.grading.RiskAssessment;
import org.anjian.grading.RiskFact;

/**
 * The scoring rules applied to one enterprise. The full regrade does the same in SQL for a whole city; a test
 * holds the two to the same result, point by point.
 * <p>
 * A fact counts if it happened within its factor's window before the day of grading (after
 * {@code asOf - windowMonths}, up to {@code asOf}). Its points are its base points (each, the accident level's
 * item, deaths, injuries, amount) times a weight falling linearly with its age from 1 to the factor's decay
 * floor at the end of the window, rounded half up to one decimal. A factor's total beyond its cap is taken back
 * by a line of its own, so that the breakdown always sums to the score.
 */
public final class Scoring {

	private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

	private Scoring() {
	}

	public static RiskAssessment assess(EnterpriseTraits enterprise, List<RiskFact> facts, ScoringPolicy policy,
			LocalDate asOf) {
		List<RiskAssessment.Point> points = new ArrayList<>();
		inherent(enterprise, policy, points);
		for (FactKind kind : FactKind.values()) {
			ScoringPolicy.Factor factor = policy.factors().get(kind);
			if (factor != null) {
				factor(factor, facts, policy, asOf, points);
			}
		}
		BigDecimal score = points.stream().map(RiskAssessment.Point::points).reduce(BigDecimal.ZERO, BigDecimal::add);
		Grade pointsGrade = policy.thresholds().gradeOf(score);
		Grade grade = pointsGrade;
		List<OverrideKind> applied = new ArrayList<>();
		for (ScoringPolicy.Override override : policy.overrides()) {
			if (holds(override, facts, asOf)) {
				applied.add(override.kind());
				grade = grade.stricter(override.grade());
			}
		}
		return new RiskAssessment(enterprise.uscc(), policy.version(), asOf, score, pointsGrade, grade, points, applied);
	}

	private static void inherent(EnterpriseTraits enterprise, ScoringPolicy policy, List<RiskAssessment.Point> points) {
		add(points, policy, "SECTOR:" + enterprise.sector());
		for (RiskTag tag : new TreeSet<>(enterprise.riskTags())) {
			add(points, policy, "TAG:" + tag);
		}
		if (enterprise.majorHazardLevel() != null) {
			add(points, policy, "MAJOR_HAZARD_LEVEL:" + enterprise.majorHazardLevel());
		}
		if (enterprise.standardizationGrade() != StandardizationGrade.NONE) {
			add(points, policy, "STANDARDIZATION:" + enterprise.standardizationGrade());
		}
		if (enterprise.liabilityInsurance()) {
			add(points, policy, "INSURANCE");
		}
	}

	private static void add(List<RiskAssessment.Point> points, ScoringPolicy policy, String item) {
		BigDecimal value = policy.item(item);
		if (value != null) {
			points.add(new RiskAssessment.Point(item, null, value.setScale(1, RoundingMode.HALF_UP)));
		}
	}

	private static void factor(ScoringPolicy.Factor factor, List<RiskFact> facts, ScoringPolicy policy, LocalDate asOf,
			List<RiskAssessment.Point> points) {
		LocalDate start = asOf.minusMonths(factor.windowMonths());
		BigDecimal windowDays = BigDecimal.valueOf(ChronoUnit.DAYS.between(start, asOf));
		BigDecimal fade = BigDecimal.ONE.subtract(factor.decayFloor());
		BigDecimal total = BigDecimal.ZERO;
		List<RiskFact> counted = facts.stream()
			.filter(f -> f.kind() == factor.kind() && f.occurredOn().isAfter(start) && !f.occurredOn().isAfter(asOf))
			.sorted(Comparator.comparing(RiskFact::occurredOn).reversed()
				.thenComparing(f -> f.id() == null ? Long.MAX_VALUE : f.id()))
			.toList();
		for (RiskFact fact : counted) {
			BigDecimal age = BigDecimal.valueOf(ChronoUnit.DAYS.between(fact.occurredOn(), asOf));
			// base × (window − (1 − floor) × age) / window, divided once so that Java and SQL round alike
			BigDecimal value = base(factor, fact, policy).multiply(windowDays.subtract(fade.multiply(age)))
				.divide(windowDays, 1, RoundingMode.HALF_UP);
			points.add(new RiskAssessment.Point("FACT:" + factor.kind(), fact.id(), value));
			total = total.add(value);
		}
		BigDecimal cap = factor.cap();
		if (cap != null && (cap.signum() >= 0 ? total.compareTo(cap) > 0 : total.compareTo(cap) < 0)) {
			points.add(new RiskAssessment.Point("CAP:" + factor.kind(), null,
					cap.setScale(1, RoundingMode.HALF_UP).subtract(total)));
		}
	}

	static BigDecimal base(ScoringPolicy.Factor factor, RiskFact fact, ScoringPolicy policy) {
		BigDecimal base = factor.each();
		if (fact.accidentLevel() != null) {
			BigDecimal level = policy.item("ACCIDENT_LEVEL:" + fact.accidentLevel());
			base = base.add(level == null ? BigDecimal.ZERO : level);
		}
		base = base.add(factor.perDeath().multiply(BigDecimal.valueOf(fact.deaths())))
			.add(factor.perInjury().multiply(BigDecimal.valueOf(fact.injuries())));
		if (fact.amount() != null) {
			base = base.add(factor.perTenThousandYuan().multiply(fact.amount()).divide(TEN_THOUSAND));
		}
		return base;
	}

	private static boolean holds(ScoringPolicy.Override override, List<RiskFact> facts, LocalDate asOf) {
		LocalDate start = override.windowMonths() == null ? LocalDate.MIN : asOf.minusMonths(override.windowMonths());
		return facts.stream()
			.filter(f -> f.occurredOn().isAfter(start) && !f.occurredOn().isAfter(asOf))
			.anyMatch(f -> switch (override.kind()) {
				case FATAL_ACCIDENT -> f.kind() == FactKind.ACCIDENT && f.deaths() > 0;
				case OPEN_MAJOR_HAZARD -> f.kind() == FactKind.MAJOR_HAZARD && f.open();
				case OPEN_OVERDUE_HAZARD -> f.kind() == FactKind.OVERDUE_HAZARD && f.open();
			});
	}
}
