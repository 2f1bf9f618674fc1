package org.anjian.planning;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

import org.anjian.enterprise.EnterpriseDetails;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.grading.AccidentLevel;
import org.anjian.grading.FactIntake;
import org.anjian.grading.FactKind;
import org.anjian.grading.Grade;
import org.anjian.grading.RiskFact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.anjian.Acting.asSystem;
import static org.awaitility.Awaitility.await;

/**
 * Enterprises of chosen grade, key-unit status and group for planning tests, registered as the system; a component
 * of the test class path, so that every planning test (and its sub-packages') has it injected.
 */
@Component
public class PlanFixtures {

	private final EnterpriseRegistry registry;
	private final FactIntake intake;
	private final JdbcClient jdbc;
	private final Clock clock;

	PlanFixtures(EnterpriseRegistry registry, FactIntake intake, JdbcClient jdbc, Clock clock) {
		this.registry = registry;
		this.intake = intake;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A district-supervised (medium-sized) workshop of the given grade, optionally a key unit or in a group. */
	public String districtUnit(String district, String street, String name, Grade grade, boolean keyUnit, String group) {
		EnterpriseDetails base = TestEnterprises.smallWorkshop(district, street, name);
		EnterpriseDetails details = new EnterpriseDetails(base.uscc(), name, base.formerNames(),
				base.legalRepresentative(), base.safetyManager(), base.safetyManagerPhone(), base.address(), district,
				street, base.longitude(), base.latitude(), base.industryCode(), base.sector(), base.sectorSubtype(),
				Set.of(RiskTag.CONFINED_SPACE), null, Scale.MEDIUM, 150, keyUnit,
				keyUnit ? "规上工贸重点单位（测试）" : null, group, base.standardizationGrade(), true, null);
		return graded(asSystem(() -> registry.register(details)).uscc(), grade);
	}

	/** A small workshop, supervised by its street. */
	public String streetUnit(String district, String street, String name) {
		return asSystem(() -> registry.register(TestEnterprises.smallWorkshop(district, street, name))).uscc();
	}

	/** Waits for the registration's regrade (D), then records the facts that give the wanted grade. */
	public String graded(String uscc, Grade grade) {
		await().atMost(Duration.ofSeconds(30)).until(() -> storedGrade(uscc) != null);
		LocalDate today = LocalDate.now(clock);
		switch (grade) {
			case A -> asSystem(() -> intake.record(RiskFact.accident(uscc, today.minusDays(20), AccidentLevel.GENERAL, 1,
					0, "plan-test-accident:" + uscc)));
			case B -> asSystem(() -> intake.record(RiskFact.of(uscc, FactKind.MAJOR_HAZARD, today.minusDays(20),
					"plan-test-major:" + uscc)));
			case C -> asSystem(() -> intake.record(RiskFact.of(uscc, FactKind.OVERDUE_HAZARD, today.minusDays(20),
					"plan-test-overdue:" + uscc)));
			case D -> {
				// a workshop's own points keep it at D
			}
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> grade.name().equals(storedGrade(uscc)));
		return uscc;
	}

	/** The enterprise's group reports its own supervision (集团自查自纠报告) a month ago. */
	public void groupSupervises(String uscc) {
		asSystem(() -> intake.record(RiskFact.of(uscc, FactKind.GROUP_SUPERVISION, LocalDate.now(clock).minusDays(30),
				"plan-test-group:" + uscc)));
	}

	String storedGrade(String uscc) {
		return asSystem(() -> jdbc.sql("select grade from risk_grade where uscc = :u").param("u", uscc)
			.query(String.class).optional().orElse(null));
	}

	/** The enforcement body of a jurisdiction. */
	public long body(String jurisdiction) {
		return asSystem(() -> jdbc.sql("select id from enforcement_body where jurisdiction_code = :c").param("c", jurisdiction)
			.query(Long.class).single());
	}
}
