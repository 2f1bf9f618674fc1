package org.anjian.grading.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.anjian.MovableClock;
import org.anjian.enterprise.EnterpriseDetails;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.grading.AccidentLevel;
import org.anjian.grading.FactIntake;
import org.anjian.grading.FactKind;
import org.anjian.grading.Grade;
import org.anjian.grading.GradeCause;
import org.anjian.grading.RiskAssessment;
import org.anjian.grading.RiskFact;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Incremental and full regrades on the embedded database: the same rules, the same points, the history kept. */
@SpringBootTest
class RegradingTests {

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	FactIntake intake;

	@Autowired
	RiskFacts facts;

	@Autowired
	Regrading regrading;

	@Autowired
	FullRegrade fullRegrade;

	@Autowired
	ScoringPolicies policies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WatchList watchList;

	@Autowired
	MovableClock clock;

	@Test
	void aNewAccidentRegradesThatEnterpriseAtOnce() {
		String uscc = asSystem(() -> registry
			.register(TestEnterprises.smallWorkshop("310107", "310107102", "上海长征冲压件厂"))
			.uscc());
		assertThat(asSystem(() -> regrading.regrade(uscc, GradeCause.REGRADE)).orElseThrow().grade())
			.isEqualTo(Grade.D);
		awaitGraded(uscc);

		FactIntake.Outcome outcome = asSystem(() -> intake.record(RiskFact.accident(uscc, LocalDate.now(clock).minusDays(3),
				AccidentLevel.GENERAL, 1, 2, "accident:test-" + uscc)));

		assertThat(outcome.assessment().orElseThrow().grade()).isEqualTo(Grade.A);
		assertThat(storedGrade(uscc)).isEqualTo("A");
		assertThat(asSystem(() -> jdbc.sql("select coalesce(from_grade, '') || '>' || to_grade || ':' || cause from grade_change"
				+ " where uscc = :uscc order by id").param("uscc", uscc).query(String.class).list()))
			.hasSize(2)
			.endsWith("D>A:FACT")
			.first().asString().startsWith(">D:");
	}

	@Test
	void aCorrectedFileRegradesItsEnterpriseOnceTheCorrectionIsCommitted() {
		EnterpriseDetails store = TestEnterprises.chemicalStore("310107", "310107102", "上海长征标准化测试仓储有限公司");
		String uscc = asSystem(() -> registry.register(store).uscc());
		BigDecimal before = await().atMost(Duration.ofSeconds(20)).until(() -> storedScore(uscc), java.util.Objects::nonNull);

		// the store loses its standardization grade (-10) and its liability insurance (-5)
		int version = asSystem(() -> registry.file(uscc).version());
		EnterpriseDetails worse = new EnterpriseDetails(uscc, store.name(), store.formerNames(), store.legalRepresentative(),
				store.safetyManager(), store.safetyManagerPhone(), store.address(), store.districtCode(),
				store.streetCode(), store.longitude(), store.latitude(), store.industryCode(), store.sector(),
				store.sectorSubtype(), store.riskTags(), store.majorHazardLevel(), store.scale(), store.employees(),
				store.keyUnit(), store.keyUnitReason(), store.parentGroup(),
				org.anjian.enterprise.StandardizationGrade.NONE, false, version);
		asSystem(() -> registry.update(uscc, worse));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(
				() -> assertThat(storedScore(uscc)).isEqualByComparingTo(before.add(BigDecimal.valueOf(15))));
	}

	@Test
	void anImportRegradesItsEnterprisesInOneStatement() {
		List<EnterpriseRegistry.ImportRow> rows = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			rows.add(new EnterpriseRegistry.ImportRow(i + 2,
					TestEnterprises.smallWorkshop("310107", "310107102", "上海长征导入评级测试" + i + "厂")));
		}

		asSystem(() -> registry.importAll(rows));

		await().atMost(Duration.ofSeconds(20)).until(() -> storedScore(rows.get(29).details().uscc()) != null);
		for (EnterpriseRegistry.ImportRow row : rows) {
			RiskAssessment expected = Scoring.assess(asSystem(() -> regrading.traits(row.details().uscc())).orElseThrow(),
					List.of(), policies.active(), LocalDate.now(clock));
			assertThat(storedGrade(row.details().uscc())).isEqualTo(expected.grade().name());
		}
	}

	@Test
	void theSameFactFromTheSameSourceIsRecordedOnce() {
		String uscc = asSystem(() -> registry
			.register(TestEnterprises.smallWorkshop("310107", "310107102", "上海长征紧固件厂"))
			.uscc());
		RiskFact report = RiskFact.of(uscc, FactKind.VERIFIED_REPORT, LocalDate.now(clock), "report:test-" + uscc);

		FactIntake.Outcome first = asSystem(() -> intake.record(report));
		FactIntake.Outcome second = asSystem(() -> intake.record(report));

		assertThat(second.fact().id()).isEqualTo(first.fact().id());
		assertThat(asSystem(() -> facts.of(uscc))).hasSize(1);
	}

	@Test
	void rectifyingTheLastOpenMajorHazardReleasesItsHoldOnTheGrade() {
		String uscc = asSystem(() -> registry
			.register(TestEnterprises.smallWorkshop("310107", "310107102", "上海长征铸造厂"))
			.uscc());
		awaitGraded(uscc);
		asSystem(() -> intake.record(RiskFact.of(uscc, FactKind.MAJOR_HAZARD, LocalDate.now(clock).minusDays(40),
				"hazard:test-" + uscc)));
		assertThat(storedGrade(uscc)).isEqualTo("B");

		asSystem(() -> intake.resolve(uscc, "hazard:test-" + uscc, LocalDate.now(clock)));

		assertThat(storedGrade(uscc)).isEqualTo("D");
	}

	@Test
	void movingTheClockMovesTheGradesWindowsAndTheWatchListsRules() {
		String uscc = asSystem(() -> registry
			.register(TestEnterprises.smallWorkshop("310107", "310107102", "上海长征时钟测试冲压厂"))
			.uscc());
		awaitGraded(uscc);
		asSystem(() -> intake.record(RiskFact.accident(uscc, LocalDate.now(clock).minusDays(1), AccidentLevel.GENERAL,
				1, 0, "accident:clock-" + uscc)));
		assertThat(storedGrade(uscc)).isEqualTo("A");
		assertThat(asSystem(() -> watchList.of(uscc))).extracting(WatchList.Entry::reasons).containsExactly(
				List.of("12个月内发生亡人事故"));
		try {
			// a year and a month on, the fatal accident no longer holds the grade at A, nor the enterprise on the list
			clock.advanceDays(400);
			RiskAssessment later = asSystem(() -> regrading.regrade(uscc, GradeCause.REGRADE)).orElseThrow();
			asSystem(() -> watchList.refresh(uscc));

			assertThat(later.asOf()).isEqualTo(LocalDate.now(clock));
			assertThat(later.overrides()).isEmpty();
			assertThat(storedGrade(uscc)).isNotEqualTo("A");
			assertThat(asSystem(() -> watchList.of(uscc))).isEmpty();
		}
		finally {
			clock.reset();
			asSystem(() -> regrading.regrade(uscc, GradeCause.REGRADE));
			asSystem(() -> watchList.refresh(uscc));
		}
	}

	@Test
	void theFullRegradeGivesEveryEnterpriseWhatTheRulesGiveItPointByPoint() {
		Random random = new Random(2026);
		LocalDate today = LocalDate.now(clock);
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			EnterpriseDetails details = i % 3 == 0
					? TestEnterprises.chemicalStore("310115", "310115104", "上海高桥化工仓储" + i + "有限公司")
					: TestEnterprises.smallWorkshop("310107", "310107102", "上海长征机械" + i + "厂");
			String uscc = asSystem(() -> registry.register(details).uscc());
			codes.add(uscc);
			int n = random.nextInt(25);
			for (int f = 0; f < n; f++) {
				FactKind kind = FactKind.values()[random.nextInt(FactKind.values().length)];
				LocalDate on = today.minusDays(random.nextInt(1400));
				RiskFact fact = switch (kind) {
					case ACCIDENT -> RiskFact.accident(uscc, on, AccidentLevel.values()[random.nextInt(4)],
							random.nextInt(3), random.nextInt(6), null);
					case PENALTY -> RiskFact.penalty(uscc, on, BigDecimal.valueOf(random.nextInt(50_000_000), 2), null);
					case MAJOR_HAZARD, OVERDUE_HAZARD -> new RiskFact(null, uscc, kind, on, null, 0, 0, null,
							random.nextBoolean() ? null : on.plusDays(random.nextInt(30)), null);
					default -> RiskFact.of(uscc, kind, on, null);
				};
				asSystem(() -> facts.add(fact));
			}
		}

		FullRegrade.Run run = fullRegrade.regradeAll(today, GradeCause.REGRADE);

		assertThat(run.enterprises()).isGreaterThanOrEqualTo(codes.size());
		ScoringPolicy policy = policies.active();
		for (String uscc : codes) {
			RiskAssessment expected = Scoring.assess(asSystem(() -> regrading.traits(uscc)).orElseThrow(),
					asSystem(() -> facts.of(uscc)), policy, today);
			assertThat(storedPoints(uscc)).as(uscc).containsExactlyInAnyOrderElementsOf(normalised(expected.points()));
			assertThat(storedGrade(uscc)).as(uscc).isEqualTo(expected.grade().name());
			assertThat(asSystem(() -> jdbc.sql("select score from risk_grade where uscc = :uscc")
				.param("uscc", uscc)
				.query(BigDecimal.class)
				.single())).isEqualByComparingTo(expected.score());
		}
	}

	@Test
	void everyStoredBreakdownSumsToItsScore() {
		asSystem(() -> fullRegrade.regradeAll());

		long mismatched = asSystem(() -> jdbc.sql("""
				select count(*) from risk_grade g
				where g.score <> (select coalesce(sum((x ->> 'points')::numeric), 0) from jsonb_array_elements(g.breakdown) x)""")
			.query(Long.class)
			.single());
		assertThat(mismatched).isZero();
	}

	/** The grade the registration gives in the background, so that it cannot land in the middle of a test. */
	private void awaitGraded(String uscc) {
		await().atMost(Duration.ofSeconds(20)).until(() -> storedScore(uscc) != null);
	}

	private BigDecimal storedScore(String uscc) {
		return asSystem(() -> jdbc.sql("select score from risk_grade where uscc = :uscc")
			.param("uscc", uscc)
			.query(BigDecimal.class)
			.optional()
			.orElse(null));
	}

	private String storedGrade(String uscc) {
		return asSystem(() -> jdbc.sql("select grade from risk_grade where uscc = :uscc")
			.param("uscc", uscc)
			.query(String.class)
			.single());
	}

	private List<String> storedPoints(String uscc) {
		return asSystem(() -> jdbc.sql("""
				select x ->> 'item' || '|' || coalesce(x ->> 'fact', '') || '|' || ((x ->> 'points')::numeric(8, 1))
				from risk_grade g, jsonb_array_elements(g.breakdown) x where g.uscc = :uscc""")
			.param("uscc", uscc)
			.query(String.class)
			.list());
	}

	private static List<String> normalised(List<RiskAssessment.Point> points) {
		return points.stream()
			.sorted(Comparator.comparing(RiskAssessment.Point::item))
			.map(p -> p.item() + "|" + (p.factId() == null ? "" : p.factId()) + "|" + p.points().setScale(1))
			.toList();
	}
}
