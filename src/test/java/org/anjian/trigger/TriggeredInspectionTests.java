package org.anjian.trigger;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.hazard.HazardOverdue;
import org.anjian.hazard.HazardRectification;
import org.anjian.shared.Zone;
import org.anjian.trigger.internal.AlarmSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anjian.Acting.asSystem;
import static org.anjian.trigger.TriggerFixtures.alarm;
import static org.anjian.trigger.TriggerFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What triggers open: the seeded rule (three alarms of one kind within seven days) opens one ALARM task with its
 * reason, and no more while it is open; a planned inspection within 30 days absorbs the trigger instead (统筹归并);
 * an overdue hazard and a failed re-inspection open EVENT tasks. Every outcome is on the /triggers page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TriggeredInspectionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	AlarmSources sources;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	HazardRectification rectification;

	@Autowired
	UserDetailsService users;

	TriggerFixtures fixtures;

	String key;

	String sourceName;

	@BeforeEach
	void fixtures() {
		fixtures = new TriggerFixtures(jdbc, registry, sources);
		AlarmSources.Registered source = fixtures.source(TriggerFixtures.PUTUO);
		key = source.apiKey();
		sourceName = source.source().name();
	}

	private MockHttpServletResponse dust(String uscc, OffsetDateTime at) throws Exception {
		MockHttpServletResponse response = post(mvc, key, alarm("D-" + UUID.randomUUID(), uscc, "DUST_CONCENTRATION", at));
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return response;
	}

	private static OffsetDateTime daysAgo(int days) {
		return OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(days);
	}

	@Test
	void threeAlarmsOfAKindWithinSevenDaysOpenOneAlarmTaskWithItsReason() throws Exception {
		String uscc = fixtures.enterprise("预警触发测试粉尘厂");

		dust(uscc, daysAgo(6));
		dust(uscc, daysAgo(3));
		String third = dust(uscc, daysAgo(0)).getContentAsString();

		List<String> reasons = asSystem(() -> jdbc.sql(
				"select reason from inspection_task where uscc = :uscc and origin = 'ALARM' and status = 'OPEN'")
			.param("uscc", uscc).query(String.class).list());
		assertThat(reasons).singleElement().asString()
			.startsWith("预警触发：7日内粉尘浓度超限报警3次").contains("监测源 " + sourceName);
		assertThat(third).contains("\"outcome\":\"OPENED\"").contains("预警触发：7日内粉尘浓度超限报警3次")
			.contains("30日内无该企业的计划检查，开立触发式检查任务");
		assertThat(fixtures.count("""
				select count(*) from inspection_task t join enterprise e on e.uscc = t.uscc
				where t.uscc = ? and t.body_id = e.supervising_body_id and '粉尘防爆安全' = any(t.matters)""", uscc))
			.as("the task belongs to the supervising body and carries the alarm's matter").isEqualTo(1);
	}

	@Test
	void furtherAlarmsWhileTheTaskIsOpenAreAttachedNotANewTask() throws Exception {
		String uscc = fixtures.enterprise("预警并入测试粉尘厂");
		for (int day : new int[] { 5, 4, 3 }) {
			dust(uscc, daysAgo(day));
		}

		String fourth = dust(uscc, daysAgo(1)).getContentAsString();

		assertThat(fourth).contains("\"outcome\":\"ATTACHED\"");
		assertThat(fixtures.count("select count(*) from inspection_task where uscc = ?", uscc)).isEqualTo(1);
	}

	@Test
	void twoAlarmsWithinSevenDaysOpenNoTask() throws Exception {
		String uscc = fixtures.enterprise("两次报警测试粉尘厂");

		dust(uscc, daysAgo(2));
		String second = dust(uscc, daysAgo(1)).getContentAsString();

		assertThat(second).contains("\"triggers\":[]");
		assertThat(fixtures.count("select count(*) from inspection_task where uscc = ?", uscc)).isZero();
	}

	@Test
	void threeAlarmsSpreadOverMoreThanSevenDaysOpenNoTask() throws Exception {
		String uscc = fixtures.enterprise("分散报警测试粉尘厂");

		dust(uscc, daysAgo(16));
		dust(uscc, daysAgo(8));
		dust(uscc, daysAgo(0));

		assertThat(fixtures.count("select count(*) from inspection_task where uscc = ?", uscc)).isZero();
		assertThat(fixtures.count("select count(*) from trigger_record where uscc = ?", uscc)).isZero();
	}

	@Test
	void threeAlarmsOfDifferentKindsOpenNoTask() throws Exception {
		String uscc = fixtures.enterprise("不同类报警测试化工厂");
		int i = 0;
		for (String kind : List.of("DUST_CONCENTRATION", "COMBUSTIBLE_GAS", "TEMPERATURE")) {
			post(mvc, key, alarm("K-" + i++ + "-" + UUID.randomUUID(), uscc, kind, daysAgo(1)));
		}

		assertThat(fixtures.count("select count(*) from alarm where uscc = ?", uscc)).isEqualTo(3);
		assertThat(fixtures.count("select count(*) from inspection_task where uscc = ?", uscc)).isZero();
	}

	@Test
	void aPlannedInspectionWithinThirtyDaysAbsorbsTheTriggeredOne() throws Exception {
		String uscc = fixtures.enterprise("统筹归并测试粉尘厂");
		long planned = fixtures.plannedTask(uscc, LocalDate.now(Zone.SHANGHAI).plusDays(20));

		dust(uscc, daysAgo(2));
		dust(uscc, daysAgo(1));
		String third = dust(uscc, daysAgo(0)).getContentAsString();

		assertThat(third).contains("\"outcome\":\"MERGED\"").contains("\"taskId\":" + planned)
			.contains("的计划检查，在30日内，统筹归并至该检查");
		assertThat(fixtures.count("select count(*) from inspection_task where uscc = ?", uscc)).isEqualTo(1);
		List<String> merged = asSystem(() -> jdbc.sql(
				"select unnest(merged_reasons) from inspection_task where id = :id").param("id", planned)
			.query(String.class).list());
		assertThat(merged).singleElement().asString().startsWith("预警触发：7日内粉尘浓度超限报警3次");
		assertThat(fixtures.count("select count(*) from inspection_task where id = ? and '粉尘防爆安全' = any(matters)",
				planned)).isEqualTo(1);
		assertThat(fixtures.count("select count(*) from trigger_record where uscc = ? and outcome = 'MERGED' and task_id = ?",
				uscc, planned)).isEqualTo(1);
		String page = mvc.perform(get("/inspections/" + planned).with(user(users.loadUserByUsername("putuo"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("统筹归并").contains("预警触发：7日内粉尘浓度超限报警3次");
	}

	@Test
	void aPlannedInspectionMoreThanThirtyDaysAheadDoesNotAbsorbIt() throws Exception {
		String uscc = fixtures.enterprise("计划较远测试粉尘厂");
		long planned = fixtures.plannedTask(uscc, LocalDate.now(Zone.SHANGHAI).plusDays(45));

		for (int day : new int[] { 2, 1, 0 }) {
			dust(uscc, daysAgo(day));
		}

		assertThat(fixtures.count("select count(*) from inspection_task where uscc = ? and origin = 'ALARM'", uscc))
			.isEqualTo(1);
		assertThat(fixtures.count("select cardinality(merged_reasons) from inspection_task where id = ?", planned))
			.isZero();
	}

	@Test
	void anOverdueHazardOpensAnEventTask() {
		String uscc = fixtures.enterprise("逾期未整改测试机械厂");
		LocalDate deadline = LocalDate.now(Zone.SHANGHAI).minusDays(2);

		asSystem(() -> transactions.executeWithoutResult(s -> events.publishEvent(
				new HazardOverdue(987_654_321L, uscc, TriggerFixtures.PUTUO, "310107005", deadline, true, "配电箱未接地"))));

		String reason = awaitEventTask(uscc);
		assertThat(reason).isEqualTo("事件触发：重大事故隐患逾期未整改（隐患 987654321：配电箱未接地，整改期限 " + deadline + "）");
	}

	@Test
	void aFailedReinspectionOpensAnEventTask() {
		String uscc = fixtures.enterprise("复查不合格测试机械厂");
		long hazard = asSystem(() -> jdbc.sql("""
				insert into hazard (district_code, uscc, description, major, status, found_at, deadline, submitted_at,
				                    rectification_note)
				values ('310107', :uscc, '消防通道堵塞', false, 'SUBMITTED', now(), current_date + 3, now(), '已清理')
				returning id""").param("uscc", uscc).query(Long.class).single());
		LocalDate newDeadline = LocalDate.now(Zone.SHANGHAI).plusDays(10);

		asSystem(() -> rectification.failReinspection(hazard, newDeadline, "通道仍堆放货物", null));

		String reason = awaitEventTask(uscc);
		assertThat(reason).startsWith("事件触发：隐患复查不合格（隐患 " + hazard).contains("通道仍堆放货物")
			.contains("新整改期限 " + newDeadline);
	}

	@Test
	void theTriggersPageShowsTheOfficersOwnJurisdictionOnly() throws Exception {
		String uscc = fixtures.enterprise("触发记录页面测试粉尘厂");
		for (int day : new int[] { 2, 1, 0 }) {
			dust(uscc, daysAgo(day));
		}

		String putuo = mvc.perform(get("/triggers").with(user(users.loadUserByUsername("putuo"))))
			.andReturn().getResponse().getContentAsString();

		assertThat(putuo).contains("触发记录页面测试粉尘厂").contains("开立触发式检查任务");
	}

	/** The EVENT task's reason, once the listener (after commit, in the background) has opened it. */
	private String awaitEventTask(String uscc) {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < until) {
			List<String> reasons = asSystem(() -> jdbc.sql(
					"select reason from inspection_task where uscc = :uscc and origin = 'EVENT'").param("uscc", uscc)
				.query(String.class).list());
			if (!reasons.isEmpty()) {
				assertThat(reasons).hasSize(1);
				return reasons.get(0);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		throw new AssertionError("no EVENT task was opened for " + uscc + " within 20 seconds");
	}
}
