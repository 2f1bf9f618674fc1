package org.anjian;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.grading.AccidentLevel;
import org.anjian.grading.FactIntake;
import org.anjian.grading.Grade;
import org.anjian.grading.OverrideKind;
import org.anjian.grading.RiskFact;
import org.anjian.grading.RiskPortrait;
import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardRectification;
import org.anjian.hazard.HazardStatus;
import org.anjian.hazard.Hazards;
import org.anjian.hazard.internal.HazardDeadlines;
import org.anjian.inspection.InspectionFinished;
import org.anjian.inspection.InspectionOrigin;
import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.inspection.internal.InspectionRecords;
import org.anjian.inspection.internal.InspectionRecords.Outcome;
import org.anjian.inspection.internal.OnSitePlans;
import org.anjian.planning.PlanComposition;
import org.anjian.planning.PlanSchedule;
import org.anjian.planning.Planning;
import org.anjian.organization.EnforcementBodies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.AfterEach;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The story of one enterprise through the system, as a street's officers live it: registered, graded after an
 * accident, put in the street's annual plan, inspected with the checklist, its major hazard ordered, overdue (a
 * follow-up inspection opens by itself), rectified and verified — and its grade following each step. Time passes by
 * moving the application's clock, never by rewriting rows. Penalty and credit repair join the story when their
 * modules come.
 */
@SpringBootTest
class CityStoryTests {

	/** 长征镇 of 普陀区: its street brigade plans its own enterprises (a year no other test plans). */
	static final String STREET = "310107102";
	static final int YEAR = TestYears.fresh();

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	FactIntake facts;

	@Autowired
	RiskPortrait portraits;

	@Autowired
	Planning planning;

	@Autowired
	PlanComposition composition;

	@Autowired
	PlanSchedule schedule;

	@Autowired
	Inspections inspections;

	@Autowired
	OnSitePlans onSitePlans;

	@Autowired
	InspectionRecords records;

	@Autowired
	Hazards hazards;

	@Autowired
	HazardRectification rectification;

	@Autowired
	HazardDeadlines deadlines;

	@Autowired
	EnforcementBodies bodies;

	@Autowired
	MovableClock clock;

	@AfterEach
	void backToRealTime() {
		clock.reset();
	}

	@Test
	void anEnterpriseIsGradedPlannedInspectedAndItsMajorHazardClosedWithTheGradeFollowing() {
		// registered, then an accident with a death: the grade goes to A (全量体检)
		String uscc = asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", STREET, "长征镇故事机械有限公司")))
			.uscc();
		asSystem(() -> facts.record(RiskFact.accident(uscc, LocalDate.now(clock).minusMonths(2), AccidentLevel.GENERAL, 1, 0,
				"story:accident")));
		assertThat(grade(uscc)).isEqualTo(Grade.A);

		// the street's plan for the year takes every A enterprise; it is scheduled, approved and published
		long body = asSystem(() -> bodies.findByJurisdictionCode(STREET).orElseThrow().id());
		var plan = asSystem(() -> planning.open(body, YEAR, null, "changzheng"));
		asSystem(() -> composition.compose(plan.id()));
		assertThat(asSystem(() -> planning.items(plan.id()))).extracting(i -> i.uscc()).contains(uscc);
		asSystem(() -> schedule.schedule(plan.id()));
		asSystem(() -> planning.submit(plan.id(), null));
		asSystem(() -> planning.approve(plan.id(), "leader", null));
		asSystem(() -> planning.publish(plan.id(), null));

		// the published plan's item becomes the enterprise's task, with its officers; the leader approves its plan
		asSystem(() -> inspections.openPlan(plan.id(), "changzheng"));
		InspectionTask task = asSystem(() -> inspections.tasks(null)).stream()
			.filter(t -> uscc.equals(t.uscc()) && t.planItemId() != null).findFirst().orElseThrow();
		assertThat(task.leadOfficerId()).isNotNull();
		asSystem(() -> onSitePlans.assemble(task.id()));
		asSystem(() -> inspections.submitPlan(task.id(), null));
		asSystem(() -> inspections.approvePlan(task.id(), "leader", null));

		// on site: every item passes but the confined-space one, a major hazard by the official criterion
		List<OnSitePlans.PlannedItem> items = asSystem(() -> onSitePlans.items(task.id()));
		OnSitePlans.PlannedItem major = items.stream().filter(OnSitePlans.PlannedItem::majorHazard).findFirst()
			.orElseThrow();
		for (OnSitePlans.PlannedItem item : items) {
			boolean failed = item == major;
			asSystem(() -> records.record(task.id(), item.checklistItemId(), failed ? Outcome.FAIL : Outcome.PASS,
					failed ? "2号地下污水池作业前未检测气体" : null, null, null, "changzheng"));
		}
		InspectionFinished finished = asSystem(() -> records.finish(task.id(), null));
		assertThat(finished.majorHazards()).isEqualTo(1);

		// the hazard is ordered rectified by its deadline and holds the grade up
		Hazard hazard = asSystem(() -> hazards.findByTask(task.id())).get(0);
		assertThat(hazard.status()).isEqualTo(HazardStatus.RECTIFYING);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(overrides(uscc)).contains(OverrideKind.OPEN_MAJOR_HAZARD.label()));

		// ninety days pass without a report: the clock moves past the deadline, and the nightly job marks it overdue
		clock.advanceDays(java.time.temporal.ChronoUnit.DAYS.between(rectification.today(), hazard.deadline()) + 1);
		assertThat(hazard.overdueOn(rectification.today())).isTrue();
		deadlines.run(rectification.today());
		assertThat(overrides(uscc)).contains(OverrideKind.OPEN_OVERDUE_HAZARD.label());
		// and the overdue hazard opens a follow-up inspection of its own (事件触发), with the reason
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(asSystem(() -> inspections.tasks(null)))
			.filteredOn(t -> uscc.equals(t.uscc()) && t.origin() == InspectionOrigin.EVENT)
			.singleElement().satisfies(t -> assertThat(t.reason()).contains("逾期未整改")));

		// the enterprise reports its rectification; the officer re-inspects and closes it (销号)
		asSystem(() -> rectification.submitEvidence(hazard.id(), "已配备四合一气体检测仪，作业前检测并记录", null));
		asSystem(() -> rectification.verify(hazard.id(), "changzheng", "复查：检测记录齐全，整改到位", null));
		assertThat(asSystem(() -> rectification.hazard(hazard.id())).status()).isEqualTo(HazardStatus.VERIFIED);
		assertThat(overrides(uscc)).doesNotContain(OverrideKind.OPEN_MAJOR_HAZARD.label(),
				OverrideKind.OPEN_OVERDUE_HAZARD.label());
	}

	private Grade grade(String uscc) {
		return asSystem(() -> portraits.of(uscc)).orElseThrow().grade();
	}

	private List<String> overrides(String uscc) {
		return asSystem(() -> portraits.of(uscc)).orElseThrow().overrides();
	}
}
