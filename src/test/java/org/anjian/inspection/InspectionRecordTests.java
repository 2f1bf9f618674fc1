package org.anjian.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.anjian.Acting;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.inspection.internal.InspectionRecords;
import org.anjian.inspection.internal.InspectionRecords.Outcome;
import org.anjian.inspection.internal.OnSitePlans;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An inspection by 普陀区's brigade, from the task to the record and its findings, on the embedded PostgreSQL (what
 * the hazard module makes of the findings: {@code InspectionFindingsTests}).
 */
@SpringBootTest
class InspectionRecordTests {

	@Autowired
	Inspections inspections;

	@Autowired
	OnSitePlans plans;

	@Autowired
	InspectionRecords records;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	org.anjian.planning.Planning planning;

	@Autowired
	org.anjian.planning.PlanComposition composition;

	@Autowired
	org.anjian.planning.PlanSchedule schedule;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventSerializer serializer;

	@Autowired
	javax.sql.DataSource dataSource;

	long putuo;
	long lead;
	long second;

	@BeforeEach
	void setUp() {
		putuo = asSystem(() -> jdbc.sql("select id from enforcement_body where jurisdiction_code = '310107'")
			.query(Long.class).single());
		lead = officer("刘洋");
		second = officer("孙丽");
		// three items of the library: a general one, one for the workshop's sector, one for confined spaces
		asSystem(() -> jdbc.sql("""
				insert into checklist_item (code, module, sector, risk_tag, matter, text, legal_basis, clause, major_hazard)
				values ('TEST-GEN-1', 'GENERAL', null, null, null, '主要负责人履行安全生产职责', '《中华人民共和国安全生产法》', '第二十一条', false),
				       ('TEST-SEC-1', 'SECTOR', 'INDUSTRY_TRADE', null, null, '设备设施安全防护装置完好', '《中华人民共和国安全生产法》', '第三十六条', false),
				       ('TEST-TAG-1', 'TAG', null, 'CONFINED_SPACE', '有限空间作业安全', '有限空间作业未执行“先通风、再检测、后作业”', '工贸企业重大事故隐患判定标准', '第十四条', true)
				on conflict (code) do nothing""").update());
	}

	long officer(String name) {
		return asSystem(() -> jdbc.sql("select id from officer where name = :n and body_id = :b").param("n", name)
			.param("b", putuo).query(Long.class).single());
	}

	InspectionTask approvedTask(String name) {
		String uscc = asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107005", name))).uscc();
		InspectionTask task = asSystem(() -> inspections.open(putuo, uscc, "群众举报有限空间作业无防护",
				List.of("安全生产责任制落实", "有限空间作业安全"), LocalDate.now(), "putuo"));
		asSystem(() -> inspections.assign(task.id(), lead, second, null));
		asSystem(() -> plans.assemble(task.id()));
		asSystem(() -> inspections.submitPlan(task.id(), null));
		return asSystem(() -> inspections.approvePlan(task.id(), "leader", null));
	}

	@Test
	void theOnSitePlanGoesGeneralThenSectorThenTagAndNeedsALeadersApprovalBeforeRecording() {
		String uscc = asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107005", "检查方案测试机械厂")))
			.uscc();
		InspectionTask task = asSystem(() -> inspections.open(putuo, uscc, "专项督查", List.of("有限空间作业安全"), null, "putuo"));
		assertThat(task.codeToken()).hasSizeGreaterThanOrEqualTo(43);
		assertThat(asSystem(() -> plans.assemble(task.id()))).isGreaterThanOrEqualTo(3);
		List<String> modules = asSystem(() -> plans.items(task.id())).stream().map(OnSitePlans.PlannedItem::module)
			.distinct().toList();
		assertThat(modules).containsSubsequence("GENERAL", "SECTOR", "TAG");
		long item = asSystem(() -> plans.items(task.id())).get(0).checklistItemId();
		assertThatThrownBy(() -> asSystem(() -> records.record(task.id(), item, Outcome.PASS, null, null, null, "putuo")))
			.isInstanceOf(InvalidTransitionException.class).hasMessageContaining("经批准后才能记录");
		assertThatThrownBy(() -> asSystem(() -> inspections.submitPlan(task.id(), null)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("主办人和协办人");
	}

	@Test
	void whoeverOpenedATaskOrSubmittedItsPlanCannotApproveThePlan() {
		// issue 21, finding 7 and build item 4: 四眼原则, whatever roles the account holds
		String uscc = asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107005", "四眼原则测试厂")))
			.uscc();
		InspectionTask task = asSystem(() -> inspections.open(putuo, uscc, "专项督查", List.of("安全生产责任制落实"),
				LocalDate.now(), "putuo"));
		asSystem(() -> inspections.assign(task.id(), lead, second, null));
		asSystem(() -> plans.assemble(task.id()));
		Acting.as("city", () -> inspections.submitPlan(task.id(), null));

		for (String author : List.of("putuo", "city")) {
			assertThatThrownBy(() -> asSystem(() -> inspections.approvePlan(task.id(), author, null)))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("本人起草或提交的不能自行批准");
		}
		assertThat(asSystem(() -> inspections.task(task.id())).status()).isEqualTo(InspectionStatus.PLAN_SUBMITTED);
		assertThat(asSystem(() -> inspections.approvePlan(task.id(), "another-leader", null)).status())
			.isEqualTo(InspectionStatus.PLAN_APPROVED);
	}

	@Test
	void twoFirstSavesOfATaskAtOnceBothLand() throws Exception {
		// issue 21, finding 9: two first saves of a new task at once conflicted (409) instead of both landing
		InspectionTask task = approvedTask("并发首次记录测试厂");
		List<OnSitePlans.PlannedItem> items = asSystem(() -> plans.items(task.id()));
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<InspectionRecords.Result>> saves;
			// both saves reach the task while another transaction holds its row, then go on together
			try (org.anjian.Holding held = org.anjian.Holding.rows(dataSource,
					"select id from inspection_task where id = ? for update", task.id())) {
				saves = List.of(0, 1).stream().map(i -> pool.submit(() -> asSystem(() -> records.record(task.id(),
						items.get(i).checklistItemId(), Outcome.PASS, null, null, null, "putuo")))).toList();
				Thread.sleep(500);
			}
			for (var save : saves) {
				assertThat(save.get(30, java.util.concurrent.TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.PASS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(asSystem(() -> inspections.task(task.id())).status()).isEqualTo(InspectionStatus.IN_PROGRESS);
		assertThat(asSystem(() -> jdbc.sql("select count(*) from inspection_result where task_id = ?").param(task.id())
			.query(Long.class).single())).isEqualTo(2);
	}

	@Test
	void aTaskByHandNeedsAReason() {
		String uscc = asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107005", "无理由检查测试厂")))
			.uscc();
		assertThatThrownBy(() -> asSystem(() -> inspections.open(putuo, uscc, " ", List.of("隐患排查治理"), null, "putuo")))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("检查理由");
	}

	@Test
	void aSaveRepeatedAfterADroppedConnectionLeavesExactlyOneResultPerItem() {
		InspectionTask task = approvedTask("重复保存测试机械厂");
		List<OnSitePlans.PlannedItem> items = asSystem(() -> plans.items(task.id()));
		for (OnSitePlans.PlannedItem item : items) {
			asSystem(() -> records.record(task.id(), item.checklistItemId(), Outcome.PASS, null, null, null, "putuo"));
		}
		// the phone lost the answer to its last save and sends it again, then corrects the first item
		OnSitePlans.PlannedItem last = items.get(items.size() - 1);
		asSystem(() -> records.record(task.id(), last.checklistItemId(), Outcome.PASS, null, null, null, "putuo"));
		asSystem(() -> records.record(task.id(), items.get(0).checklistItemId(), Outcome.FAIL, "未建立安全生产责任制", null,
				null, "putuo"));

		Map<String, Object> counts = asSystem(() -> jdbc.sql("""
				select count(*) as results, count(distinct checklist_item_id) as items from inspection_result where task_id = :t""")
			.param("t", task.id()).query().singleRow());
		assertThat(counts.get("results")).isEqualTo((long) items.size());
		assertThat(counts.get("items")).isEqualTo((long) items.size());
		assertThat(asSystem(() -> records.results(task.id()))).filteredOn(r -> r.outcome() == Outcome.FAIL).hasSize(1);
	}

	@Test
	void finishingNeedsEveryItemAndAnnouncesEachFailedItemAsAFindingAMajorOneByAnOfficialCriterion() {
		InspectionTask task = approvedTask("完成检查测试机械厂");
		List<OnSitePlans.PlannedItem> items = asSystem(() -> plans.items(task.id()));
		OnSitePlans.PlannedItem major = items.stream().filter(OnSitePlans.PlannedItem::majorHazard).findFirst().orElseThrow();
		asSystem(() -> records.record(task.id(), major.checklistItemId(), Outcome.FAIL, "3号污水井作业未检测", null, null, "putuo"));
		assertThatThrownBy(() -> asSystem(() -> records.finish(task.id(), null)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("没有记录结果");
		assertThatThrownBy(() -> asSystem(() -> records.record(task.id(), major.checklistItemId(), Outcome.FAIL, " ", null,
				null, "putuo"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("写明发现的问题");
		for (OnSitePlans.PlannedItem item : items) {
			if (item != major) {
				asSystem(() -> records.record(task.id(), item.checklistItemId(), Outcome.PASS, null, null, null, "putuo"));
			}
		}

		InspectionFinished finished = asSystem(() -> records.finish(task.id(), null));

		assertThat(finished.hazards()).isEqualTo(1);
		assertThat(finished.majorHazards()).isEqualTo(1);
		assertThat(finished.uscc()).isEqualTo(task.uscc());
		assertThat(finished.districtCode()).isEqualTo("310107");
		InspectionFinished.Finding finding = finished.findings().get(0);
		assertThat(finding.checklistItemId()).isEqualTo(major.checklistItemId());
		assertThat(finding.description()).isEqualTo(major.text() + "：3号污水井作业未检测");
		assertThat(finding.legalBasis()).isEqualTo(major.legalBasis());
		assertThat(finding.major()).isTrue();
		assertThat(asSystem(() -> inspections.task(task.id())).status()).isEqualTo(InspectionStatus.FINISHED);
		assertThat(asSystem(() -> inspections.task(task.id())).documentNumber()).startsWith("检记〔");
		assertThat(asSystem(() -> inspections.task(task.id())).inspectedOn(org.anjian.shared.Zone.SHANGHAI))
			.isEqualTo(LocalDate.now(org.anjian.shared.Zone.SHANGHAI));
		assertThat(serializer.deserialize(serializer.serialize(finished), InspectionFinished.class))
			.as("the event as the publication registry keeps it until its listeners are done, read back after a restart")
			.isEqualTo(finished);
		assertThatThrownBy(() -> asSystem(() -> records.record(task.id(), major.checklistItemId(), Outcome.PASS, null, null,
				null, "putuo"))).isInstanceOf(InvalidTransitionException.class);
	}

	@Test
	void aPublishedPlansScheduledItemsBecomeTasksOnceWithTheirMattersDayAndOfficers() {
		// a year of its own: plans take years up to 2100, below those TestYears hands out
		var plan = asSystem(() -> planning.open(putuo, 2085, null, "putuo"));
		asSystem(() -> composition.compose(plan.id()));
		asSystem(() -> schedule.schedule(plan.id()));
		long firstItem = asSystem(() -> jdbc.sql("select min(id) from plan_item where plan_id = :p").param("p", plan.id())
			.query(Long.class).single());
		assertThat(asSystem(() -> inspections.openPlan(plan.id(), "putuo"))).as("a draft opens nothing").isZero();
		assertThatThrownBy(() -> asSystem(() -> inspections.openFromPlan(firstItem, "putuo")))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("尚未发布");
		asSystem(() -> planning.submit(plan.id(), null));
		asSystem(() -> planning.approve(plan.id(), "leader", null));
		asSystem(() -> planning.publish(plan.id(), null));
		int items = asSystem(() -> jdbc.sql("select count(*) from plan_item where plan_id = :p and joint_of is null")
			.param("p", plan.id()).query(Integer.class).single());

		assertThat(asSystem(() -> inspections.openPlan(plan.id(), "putuo"))).isEqualTo(items).isPositive();
		assertThat(asSystem(() -> inspections.openPlan(plan.id(), "putuo"))).as("each item once").isZero();
		Map<String, Object> pair = asSystem(() -> jdbc.sql("""
				select count(*) filter (where t.planned_on = i.planned_on and t.lead_officer_id = i.lead_officer_id
				                          and t.second_officer_id = i.second_officer_id and t.matters = i.matters) as same,
				       count(*) as tasks
				from inspection_task t join plan_item i on i.id = t.plan_item_id where i.plan_id = :p""")
			.param("p", plan.id()).query().singleRow());
		assertThat(pair.get("same")).isEqualTo(pair.get("tasks")).isEqualTo((long) items);
	}
}
