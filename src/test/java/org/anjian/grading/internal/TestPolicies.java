package org.anjian.grading.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anjian.grading.FactKind;
import org.anjian.grading.Grade;
import org.anjian.grading.OverrideKind;

/** The figures of policy version 1 as the migration seeds them, for tests without a database. */
final class TestPolicies {

	private TestPolicies() {
	}

	static ScoringPolicy v1() {
		Map<String, BigDecimal> items = new LinkedHashMap<>();
		put(items, "SECTOR:HAZCHEM", 20, "SECTOR:INDUSTRY_TRADE", 5, "TAG:DUST_EXPLOSION", 10,
				"TAG:AMMONIA_REFRIGERATION", 10, "TAG:CONFINED_SPACE", 5, "TAG:MOLTEN_METAL", 10,
				"TAG:HAZARDOUS_PROCESS", 15, "MAJOR_HAZARD_LEVEL:1", 25, "MAJOR_HAZARD_LEVEL:2", 20,
				"MAJOR_HAZARD_LEVEL:3", 15, "MAJOR_HAZARD_LEVEL:4", 10, "STANDARDIZATION:LEVEL_1", -15,
				"STANDARDIZATION:LEVEL_2", -10, "STANDARDIZATION:LEVEL_3", -5, "INSURANCE", -5,
				"ACCIDENT_LEVEL:GENERAL", 20, "ACCIDENT_LEVEL:LARGER", 40, "ACCIDENT_LEVEL:MAJOR", 60,
				"ACCIDENT_LEVEL:ESPECIALLY_MAJOR", 80);
		Map<FactKind, ScoringPolicy.Factor> factors = new EnumMap<>(FactKind.class);
		factor(factors, FactKind.ACCIDENT, "0", "10", "2", "0", 36, "0.5", "100");
		factor(factors, FactKind.PENALTY, "5", "0", "0", "1", 24, "0.5", "30");
		factor(factors, FactKind.GENERAL_HAZARD, "1", "0", "0", "0", 12, "1", "10");
		factor(factors, FactKind.MAJOR_HAZARD, "8", "0", "0", "0", 24, "0.5", "30");
		factor(factors, FactKind.OVERDUE_HAZARD, "5", "0", "0", "0", 12, "1", "20");
		factor(factors, FactKind.VERIFIED_REPORT, "3", "0", "0", "0", 12, "1", "15");
		factor(factors, FactKind.ALARM, "0.5", "0", "0", "0", 6, "1", "10");
		factor(factors, FactKind.SELF_REPORTED_HAZARD, "-1", "0", "0", "0", 12, "1", "-10");
		factor(factors, FactKind.GROUP_SUPERVISION, "-5", "0", "0", "0", 12, "1", "-5");
		return new ScoringPolicy(1, LocalDate.of(2026, 1, 1), items, factors,
				new ScoringPolicy.Thresholds(new BigDecimal("60"), new BigDecimal("35"), new BigDecimal("15")),
				List.of(new ScoringPolicy.Override(OverrideKind.FATAL_ACCIDENT, 12, Grade.A),
						new ScoringPolicy.Override(OverrideKind.OPEN_MAJOR_HAZARD, null, Grade.B),
						new ScoringPolicy.Override(OverrideKind.OPEN_OVERDUE_HAZARD, null, Grade.C)));
	}

	private static void put(Map<String, BigDecimal> items, Object... pairs) {
		for (int i = 0; i < pairs.length; i += 2) {
			items.put((String) pairs[i], BigDecimal.valueOf((Integer) pairs[i + 1]));
		}
	}

	private static void factor(Map<FactKind, ScoringPolicy.Factor> factors, FactKind kind, String each, String perDeath,
			String perInjury, String perTenThousand, int window, String floor, String cap) {
		factors.put(kind, new ScoringPolicy.Factor(kind, new BigDecimal(each), new BigDecimal(perDeath),
				new BigDecimal(perInjury), new BigDecimal(perTenThousand), window, new BigDecimal(floor),
				cap == null ? null : new BigDecimal(cap)));
	}
}
