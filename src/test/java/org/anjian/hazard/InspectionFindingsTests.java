package org.anjian.hazard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.anjian.MovableClock;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.inspection.InspectionFinished;
import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.inspection.internal.InspectionRecords;
import org.anjian.inspection.internal.InspectionRecords.Outcome;
import org.anjian.inspection.internal.OnSitePlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hazards are born in the hazard module: a finished inspection's failed items become hazards, each ordered rectified
 * by the rectification deadline policy from the day of the finding, committed with the record.
 */
@SpringBootTest
class InspectionFindingsTests {

	private static final String MATTER = "隐患登记测试";
	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	@Autowired
	Inspections inspections;

	@Autowired
	OnSitePlans plans;

	@Autowired
	InspectionRecords records;

	@Autowired
	TaskHazards hazards;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** A checklist item of its own, failing which is a major hazard or not. */
	long item(String text, boolean major) {
		String code = "FIND-TEST-" + SEQUENCE.incrementAndGet();
		return asSystem(() -> jdbc.sql("""
				insert into checklist_item (code, module, matter, text, legal_basis, clause, major_hazard, criterion)
				values (:code, 'GENERAL', :matter, :text, '《工贸企业有限空间作业安全规定》', :clause, :major, :criterion)
				returning id""")
			.param("code", code).param("matter", MATTER).param("text", text)
			.param("clause", major ? "第十七条" : "第五条").param("major", major)
			.param("criterion", major ? "应急管理部令第10号 第十三条第二项" : null)
			.query(Long.class).single());
	}

	/** A 普陀 inspection whose plan holds these items, approved and ready to record. */
	InspectionTask approvedTask(List<Long> items) {
		long putuo = asSystem(() -> jdbc.sql("select id from enforcement_body where jurisdiction_code = '310107'")
			.query(Long.class).single());
		long lead = officer("刘洋", putuo);
		long second = officer("孙丽", putuo);
		String uscc = asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107005",
				"隐患登记测试机械厂" + SEQUENCE.incrementAndGet()))).uscc();
		InspectionTask task = asSystem(() -> inspections.open(putuo, uscc, "隐患登记测试", List.of(MATTER),
				LocalDate.now(clock), "putuo"));
		asSystem(() -> inspections.assign(task.id(), lead, second, "隐患登记测试", null));
		items.forEach(item -> asSystem(() -> plans.add(task.id(), (long) item)));
		asSystem(() -> inspections.submitPlan(task.id(), null));
		return asSystem(() -> inspections.approvePlan(task.id(), "leader", null));
	}

	long officer(String name, long body) {
		return asSystem(() -> jdbc.sql("select id from officer where name = :n and body_id = :b").param("n", name)
			.param("b", body).query(Long.class).single());
	}

	@Test
	void aFailedMajorItemBecomesAHazardOrderedForNinetyDaysAndAGeneralOneForThirty() {
		long major = item("有限空间作业是否先通风、再检测、后作业", true);
		long general = item("是否建立有限空间作业安全管理制度", false);
		long passed = item("有限空间作业人员是否经过专项培训", false);
		InspectionTask task = approvedTask(List.of(major, general, passed));
		asSystem(() -> records.record(task.id(), major, Outcome.FAIL, "2号污水井作业未检测", null, null, "putuo"));
		asSystem(() -> records.record(task.id(), general, Outcome.FAIL, "管理制度未经主要负责人签发", null, null, "putuo"));
		asSystem(() -> records.record(task.id(), passed, Outcome.PASS, null, null, null, "putuo"));
		// the finding is made ten days on: the deadlines run from the day of the finding
		clock.advanceDays(10);
		LocalDate foundOn = LocalDate.now(clock);

		InspectionFinished finished = asSystem(() -> records.finish(task.id(), null));

		assertThat(finished.hazards()).isEqualTo(2);
		assertThat(finished.majorHazards()).isEqualTo(1);
		Map<Boolean, Hazard> byWeight = asSystem(() -> hazards.of(task.id())).stream()
			.collect(Collectors.toMap(Hazard::major, h -> h));
		assertThat(byWeight).hasSize(2);
		Hazard majorHazard = byWeight.get(true);
		assertThat(majorHazard.status()).isEqualTo(HazardStatus.RECTIFYING);
		assertThat(majorHazard.deadline()).isEqualTo(foundOn.plusDays(90));
		assertThat(majorHazard.description()).isEqualTo("有限空间作业是否先通风、再检测、后作业：2号污水井作业未检测");
		assertThat(majorHazard.legalBasis()).isEqualTo("《工贸企业有限空间作业安全规定》 第十七条");
		assertThat(majorHazard.taskId()).isEqualTo(task.id());
		assertThat(majorHazard.uscc()).isEqualTo(task.uscc());
		assertThat(majorHazard.districtCode()).isEqualTo("310107");
		// it lies in the enterprise's street, where the street's officers read it; the inspecting district acts on it
		assertThat(majorHazard.streetCode()).isEqualTo("310107005");
		assertThat(majorHazard.actingCode()).isEqualTo("310107");
		assertThat(asSystem(() -> jdbc.sql("select checklist_item_id from hazard where id = :id")
			.param("id", majorHazard.id()).query(Long.class).single())).isEqualTo(major);
		Hazard generalHazard = byWeight.get(false);
		assertThat(generalHazard.status()).isEqualTo(HazardStatus.RECTIFYING);
		assertThat(generalHazard.deadline()).isEqualTo(foundOn.plusDays(30));
		assertThat(generalHazard.description()).endsWith("管理制度未经主要负责人签发");
	}

	@Test
	void anInspectionThatFoundNothingLeavesNoHazard() {
		long passed = item("是否设置有限空间警示标志", false);
		InspectionTask task = approvedTask(List.of(passed));
		asSystem(() -> records.record(task.id(), passed, Outcome.PASS, null, null, null, "putuo"));

		InspectionFinished finished = asSystem(() -> records.finish(task.id(), null));

		assertThat(finished.findings()).isEmpty();
		assertThat(asSystem(() -> hazards.of(task.id()))).isEmpty();
	}
}
