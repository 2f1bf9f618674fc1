package org.anjian.grading.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.anjian.grading.FactKind;
import org.anjian.grading.Grade;
import org.anjian.grading.OverrideKind;
import org.anjian.shared.InvalidInputException;

/**
 * A version of the scoring policy, kept as data: points for inherent risk and positive traits by item (e.g.
 * {@code SECTOR:HAZCHEM}, {@code TAG:DUST_EXPLOSION}, {@code MAJOR_HAZARD_LEVEL:1}, {@code STANDARDIZATION:LEVEL_1},
 * {@code INSURANCE}, {@code ACCIDENT_LEVEL:LARGER}), one factor per kind of fact with its weights, window,
 * decay and cap, the grade thresholds, and the overrides that force a grade whatever the score.
 */
public record ScoringPolicy(int version, LocalDate effectiveFrom, Map<String, BigDecimal> items,
		Map<FactKind, Factor> factors, Thresholds thresholds, List<Override> overrides) {

	public ScoringPolicy {
		items = Map.copyOf(items);
		factors = Map.copyOf(factors);
		overrides = List.copyOf(overrides);
	}

	/**
	 * How facts of one kind count: {@code each} point per fact, plus {@code perDeath}, {@code perInjury} and
	 * {@code perTenThousandYuan} where they apply (and the accident level's item); only facts of the last
	 * {@code windowMonths} count; a fact's points decay linearly with its age from full weight to
	 * {@code decayFloor} at the end of the window (1 = no decay); the factor's total is capped at {@code cap}
	 * (null = no cap; a negative cap bounds a factor that lowers the score).
	 */
	public record Factor(FactKind kind, BigDecimal each, BigDecimal perDeath, BigDecimal perInjury,
			BigDecimal perTenThousandYuan, int windowMonths, BigDecimal decayFloor, BigDecimal cap) {

		public Factor {
			if (windowMonths < 1 || windowMonths > 120) {
				throw new InvalidInputException("windowMonths", kind.label() + "的计分期限应在 1 至 120 个月之间");
			}
			if (decayFloor.signum() < 0 || decayFloor.compareTo(BigDecimal.ONE) > 0) {
				throw new InvalidInputException("decayFloor", kind.label() + "的衰减下限应在 0 至 1 之间");
			}
		}
	}

	/** Score at or above {@code a} gives A, at or above {@code b} B, at or above {@code c} C, below it D. */
	public record Thresholds(BigDecimal a, BigDecimal b, BigDecimal c) {

		public Thresholds {
			if (a.compareTo(b) <= 0 || b.compareTo(c) <= 0) {
				throw new InvalidInputException("thresholds", "分级阈值应满足 A > B > C");
			}
		}

		public Grade gradeOf(BigDecimal score) {
			if (score.compareTo(a) >= 0) {
				return Grade.A;
			}
			if (score.compareTo(b) >= 0) {
				return Grade.B;
			}
			return score.compareTo(c) >= 0 ? Grade.C : Grade.D;
		}
	}

	/** A fact that forces at least {@code grade} whatever the score, looking back {@code windowMonths} where it matters. */
	public record Override(OverrideKind kind, Integer windowMonths, Grade grade) {
	}

	public BigDecimal item(String key) {
		return items.get(key);
	}
}
