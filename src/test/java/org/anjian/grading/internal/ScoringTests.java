package org.anjian.grading.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.StandardizationGrade;
import org.anjian.grading.AccidentLevel;
import org.anjian.grading.FactKind;
import org.anjian.grading.Grade;
import org.anjian.grading.OverrideKind;
import org.anjian.grading.RiskAssessment;
import org.anjian.grading.RiskFact;
import org.anjian.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scoring rules of policy version 1, factor by factor, on one enterprise. */
class ScoringTests {

	static final String USCC = "91310000631696382C";

	static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

	final ScoringPolicy policy = TestPolicies.v1();

	EnterpriseTraits smallTrader = new EnterpriseTraits(USCC, "310107", null, Sector.INDUSTRY_TRADE, Set.of(), null,
			StandardizationGrade.NONE, false);

	RiskAssessment assess(RiskFact... facts) {
		return Scoring.assess(smallTrader, List.of(facts), policy, TODAY);
	}

	RiskFact fact(long id, FactKind kind, LocalDate on) {
		return RiskFact.of(USCC, kind, on, null).withId(id);
	}

	static BigDecimal points(String value) {
		return new BigDecimal(value);
	}

	@Test
	void inherentRiskCountsSectorTagsAndMajorHazardLevel() {
		EnterpriseTraits plant = new EnterpriseTraits(USCC, "310116", null, Sector.HAZCHEM,
				EnumSet.of(RiskTag.MAJOR_HAZARD_INSTALLATION, RiskTag.HAZARDOUS_PROCESS), 1, StandardizationGrade.NONE,
				false);

		RiskAssessment assessment = Scoring.assess(plant, List.of(), policy, TODAY);

		assertThat(assessment.points()).extracting(RiskAssessment.Point::item)
			.containsExactly("SECTOR:HAZCHEM", "TAG:HAZARDOUS_PROCESS", "MAJOR_HAZARD_LEVEL:1");
		assertThat(assessment.score()).isEqualByComparingTo("60");
		assertThat(assessment.grade()).isEqualTo(Grade.A);
	}

	@Test
	void standardizationAndInsuranceLowerTheScore() {
		EnterpriseTraits careful = new EnterpriseTraits(USCC, "310107", null, Sector.HAZCHEM, Set.of(), null,
				StandardizationGrade.LEVEL_2, true);

		RiskAssessment assessment = Scoring.assess(careful, List.of(), policy, TODAY);

		assertThat(assessment.pointsOf("STANDARDIZATION:LEVEL_2")).singleElement()
			.extracting(RiskAssessment.Point::points)
			.isEqualTo(points("-10.0"));
		assertThat(assessment.pointsOf("INSURANCE")).singleElement()
			.extracting(RiskAssessment.Point::points)
			.isEqualTo(points("-5.0"));
		assertThat(assessment.score()).isEqualByComparingTo("5");
		assertThat(assessment.grade()).isEqualTo(Grade.D);
	}

	@Test
	void accidentCountsItsLevelDeathsAndInjuries() {
		RiskAssessment assessment = assess(RiskFact.accident(USCC, TODAY, AccidentLevel.LARGER, 3, 4, null).withId(1L));

		// 较大事故 40 + 3 deaths × 10 + 4 injuries × 2, on the day itself: full weight
		assertThat(assessment.pointsOf("FACT:ACCIDENT")).singleElement()
			.extracting(RiskAssessment.Point::points)
			.isEqualTo(points("78.0"));
	}

	@Test
	void accidentPointsDecayLinearlyToTheFloorAtTheEndOfTheWindow() {
		LocalDate windowStart = TODAY.minusMonths(36);
		long windowDays = java.time.temporal.ChronoUnit.DAYS.between(windowStart, TODAY);
		LocalDate halfway = TODAY.minusDays(windowDays / 2);

		RiskAssessment fresh = assess(RiskFact.accident(USCC, TODAY, AccidentLevel.GENERAL, 0, 0, null).withId(1L));
		RiskAssessment middle = assess(RiskFact.accident(USCC, halfway, AccidentLevel.GENERAL, 0, 0, null).withId(1L));
		RiskAssessment last = assess(
				RiskFact.accident(USCC, windowStart.plusDays(1), AccidentLevel.GENERAL, 0, 0, null).withId(1L));

		assertThat(fresh.pointsOf("FACT:ACCIDENT").get(0).points()).isEqualTo(points("20.0"));
		assertThat(middle.pointsOf("FACT:ACCIDENT").get(0).points()).isEqualTo(points("15.0"));
		assertThat(last.pointsOf("FACT:ACCIDENT").get(0).points()).isEqualTo(points("10.0"));
	}

	@Test
	void factsOutsideTheirWindowOrInTheFutureDoNotCount() {
		RiskAssessment assessment = assess(fact(1, FactKind.VERIFIED_REPORT, TODAY.minusMonths(12)),
				fact(2, FactKind.VERIFIED_REPORT, TODAY.minusMonths(12).plusDays(1)),
				fact(3, FactKind.VERIFIED_REPORT, TODAY.plusDays(1)));

		assertThat(assessment.pointsOf("FACT:VERIFIED_REPORT")).extracting(RiskAssessment.Point::factId)
			.containsExactly(2L);
	}

	@Test
	void alarmsCountOnlySixMonths() {
		RiskAssessment assessment = assess(fact(1, FactKind.ALARM, TODAY.minusMonths(7)),
				fact(2, FactKind.ALARM, TODAY.minusMonths(5)));

		assertThat(assessment.pointsOf("FACT:ALARM")).extracting(RiskAssessment.Point::factId).containsExactly(2L);
	}

	@Test
	void penaltyPointsGrowWithTheAmount() {
		RiskAssessment assessment = assess(
				RiskFact.penalty(USCC, TODAY, new BigDecimal("50000"), null).withId(1L),
				RiskFact.penalty(USCC, TODAY, BigDecimal.ZERO, null).withId(2L));

		assertThat(assessment.pointsOf("FACT:PENALTY")).extracting(RiskAssessment.Point::points)
			.containsExactlyInAnyOrder(points("10.0"), points("5.0"));
	}

	@Test
	void aFactorAboveItsCapIsTakenBackByALineOfItsOwn() {
		List<RiskFact> hazards = new ArrayList<>();
		for (int i = 0; i < 15; i++) {
			hazards.add(fact(i, FactKind.GENERAL_HAZARD, TODAY.minusDays(i)));
		}

		RiskAssessment assessment = assess(hazards.toArray(RiskFact[]::new));

		assertThat(assessment.pointsOf("FACT:GENERAL_HAZARD")).hasSize(15);
		assertThat(assessment.pointsOf("CAP:GENERAL_HAZARD")).singleElement()
			.extracting(RiskAssessment.Point::points)
			.isEqualTo(points("-5.0"));
		assertThat(assessment.score()).isEqualByComparingTo("15"); // 5 inherent + 10 capped
	}

	@Test
	void aNegativeCapBoundsWhatPositiveFactsTakeOff() {
		List<RiskFact> selfReported = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			selfReported.add(fact(i, FactKind.SELF_REPORTED_HAZARD, TODAY.minusDays(i)));
		}

		RiskAssessment assessment = assess(selfReported.toArray(RiskFact[]::new));

		assertThat(assessment.pointsOf("CAP:SELF_REPORTED_HAZARD")).singleElement()
			.extracting(RiskAssessment.Point::points)
			.isEqualTo(points("2.0"));
		assertThat(assessment.score()).isEqualByComparingTo("-5");
	}

	@ParameterizedTest
	@CsvSource({ "60, A", "59.9, B", "35, B", "34.9, C", "15, C", "14.9, D", "-20, D" })
	void thresholdsDecideTheGradeByScore(String score, Grade grade) {
		assertThat(policy.thresholds().gradeOf(new BigDecimal(score))).isEqualTo(grade);
	}

	@Test
	void aFatalAccidentInTheLastTwelveMonthsMakesA() {
		RiskAssessment recent = assess(
				RiskFact.accident(USCC, TODAY.minusMonths(11), AccidentLevel.GENERAL, 1, 0, null).withId(1L));
		RiskAssessment older = assess(
				RiskFact.accident(USCC, TODAY.minusMonths(13), AccidentLevel.GENERAL, 1, 0, null).withId(1L));
		RiskAssessment noDeath = assess(
				RiskFact.accident(USCC, TODAY.minusMonths(1), AccidentLevel.GENERAL, 0, 3, null).withId(1L));

		assertThat(recent.score()).isEqualByComparingTo("30.4"); // 5 + 30 decayed over 11 of 36 months: C by points
		assertThat(recent.pointsGrade()).isEqualTo(Grade.C);
		assertThat(recent.grade()).isEqualTo(Grade.A);
		assertThat(recent.overrides()).containsExactly(OverrideKind.FATAL_ACCIDENT);
		assertThat(older.grade()).isEqualTo(older.pointsGrade());
		assertThat(older.overrides()).isEmpty();
		assertThat(noDeath.overrides()).isEmpty();
	}

	@Test
	void anUnrectifiedMajorHazardKeepsAtLeastB() {
		RiskFact open = fact(1, FactKind.MAJOR_HAZARD, TODAY.minusMonths(30));
		RiskFact rectified = new RiskFact(2L, USCC, FactKind.MAJOR_HAZARD, TODAY.minusMonths(2), null, 0, 0, null,
				TODAY.minusMonths(1), null);

		RiskAssessment withOpen = assess(open);
		RiskAssessment withRectified = assess(rectified);

		// outside its 24-month window the hazard gives no points, but while open it still holds the grade up
		assertThat(withOpen.pointsOf("FACT:MAJOR_HAZARD")).isEmpty();
		assertThat(withOpen.grade()).isEqualTo(Grade.B);
		assertThat(withRectified.overrides()).isEmpty();
		assertThat(withRectified.score()).isEqualByComparingTo("12.7"); // 5 + 8 decayed over 2 of 24 months
		assertThat(withRectified.grade()).isEqualTo(Grade.D);
	}

	@Test
	void anOverrideNeverLowersTheGrade() {
		EnterpriseTraits plant = new EnterpriseTraits(USCC, "310116", null, Sector.HAZCHEM,
				EnumSet.of(RiskTag.MAJOR_HAZARD_INSTALLATION, RiskTag.HAZARDOUS_PROCESS), 1, StandardizationGrade.NONE,
				false);

		RiskAssessment assessment = Scoring.assess(plant, List.of(fact(1, FactKind.OVERDUE_HAZARD, TODAY)), policy,
				TODAY);

		assertThat(assessment.overrides()).containsExactly(OverrideKind.OPEN_OVERDUE_HAZARD);
		assertThat(assessment.grade()).isEqualTo(Grade.A);
	}

	@Test
	void theBreakdownAlwaysSumsToTheScore() {
		Random random = new Random(7);
		for (int round = 0; round < 500; round++) {
			List<RiskFact> facts = new ArrayList<>();
			int n = random.nextInt(40);
			for (int i = 0; i < n; i++) {
				FactKind kind = FactKind.values()[random.nextInt(FactKind.values().length)];
				LocalDate on = TODAY.minusDays(random.nextInt(1500));
				RiskFact f = switch (kind) {
					case ACCIDENT -> RiskFact.accident(USCC, on, AccidentLevel.values()[random.nextInt(4)],
							random.nextInt(3), random.nextInt(5), null);
					case PENALTY -> RiskFact.penalty(USCC, on, BigDecimal.valueOf(random.nextInt(2_000_000), 2), null);
					default -> RiskFact.of(USCC, kind, on, null);
				};
				facts.add(f.withId((long) i));
			}

			RiskAssessment assessment = Scoring.assess(smallTrader, facts, policy, TODAY);

			assertThat(Regrading.sum(assessment.points())).isEqualByComparingTo(assessment.score());
			assertThat(assessment.grade().atLeast(assessment.pointsGrade())).isTrue();
		}
	}

	@Test
	void rejectsAnAccidentWithoutItsLevelAndANegativeFine() {
		assertThatThrownBy(() -> RiskFact.of(USCC, FactKind.ACCIDENT, TODAY, null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("事故等级");
		assertThatThrownBy(() -> RiskFact.penalty(USCC, TODAY, new BigDecimal("-1"), null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("罚款金额");
	}
}
