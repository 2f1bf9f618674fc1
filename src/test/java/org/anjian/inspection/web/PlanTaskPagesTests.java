package org.anjian.inspection.web;

import java.time.Duration;

import javax.sql.DataSource;

import org.anjian.Acting;
import org.anjian.Holding;
import org.anjian.TestYears;
import org.anjian.planning.AnnualPlan;
import org.anjian.planning.PlanComposition;
import org.anjian.planning.PlanFixtures;
import org.anjian.planning.PlanSchedule;
import org.anjian.planning.Planning;
import org.anjian.shared.work.BackgroundWork;
import org.anjian.shared.work.Work;
import org.anjian.shared.work.WorkStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Opening a published plan's tasks (生成检查任务) from the task list runs in the background: the list answers at once
 * and shows the run, a second start while it runs is refused naming it, and the outcome (how many tasks) is
 * recorded and shown on the list the answer names. The test holds the audit trail's head to watch the run.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlanTaskPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	BackgroundWork works;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Planning planning;

	@Autowired
	PlanComposition composition;

	@Autowired
	PlanSchedule schedule;

	@Autowired
	PlanFixtures fixtures;

	RequestPostProcessor putuo() {
		return user(users.loadUserByUsername("putuo"));
	}

	Work run(long id) {
		return Acting.as("putuo", () -> works.find(id));
	}

	@Test
	void aPublishedPlansTasksAreOpenedInTheBackgroundOnceAtATime() throws Exception {
		long body = fixtures.body("310107");
		AnnualPlan plan = asSystem(() -> planning.open(body, TestYears.fresh(), null, "putuo"));
		asSystem(() -> composition.compose(plan.id()));
		asSystem(() -> schedule.schedule(plan.id()));
		asSystem(() -> planning.submit(plan.id(), null));
		asSystem(() -> planning.approve(plan.id(), "leader", null));
		asSystem(() -> planning.publish(plan.id(), null));
		int items = asSystem(() -> jdbc.sql("select count(*) from plan_item where plan_id = :p and joint_of is null")
			.param("p", plan.id()).query(Integer.class).single());
		assertThat(items).isPositive();

		long opening;
		try (Holding head = Holding.auditHead(dataSource)) {
			String shown = mvc.perform(post("/inspections/plan-tasks").param("planId", plan.id().toString())
					.with(putuo()).with(csrf()))
				.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
			assertThat(shown).startsWith("/inspections?work=");
			opening = Long.parseLong(shown.substring(shown.indexOf("work=") + 5));
			assertThat(run(opening).status()).isEqualTo(WorkStatus.RUNNING);
			assertThat(mvc.perform(get("/inspections").with(putuo())).andReturn().getResponse().getContentAsString())
				.as("the list loads the runs of its body's published plans").contains("/inspections/plan-tasks/runs");
			assertThat(mvc.perform(get("/inspections/plan-tasks/runs").with(putuo())).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString())
				.contains("work-running", "hx-get=\"/work/" + opening + "\"", "按 " + plan.year() + " 年度计划生成检查任务");

			mvc.perform(post("/inspections/plan-tasks").param("planId", plan.id().toString()).with(putuo()).with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("refused", org.hamcrest.Matchers.allOf(
						org.hamcrest.Matchers.containsString("正在进行中"),
						org.hamcrest.Matchers.containsString("不能重复开始"))));
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> !run(opening).running());
		Work opened = run(opening);
		assertThat(opened.status()).isEqualTo(WorkStatus.DONE);
		assertThat(opened.message()).isEqualTo("已按 " + plan.year() + " 年度计划生成检查任务 " + items + " 项");
		assertThat(opened.done()).isEqualTo(items);
		assertThat(asSystem(() -> jdbc.sql("""
				select count(*) from inspection_task t join plan_item i on i.id = t.plan_item_id where i.plan_id = :p""")
			.param("p", plan.id()).query(Integer.class).single())).isEqualTo(items);
		assertThat(mvc.perform(get("/inspections/plan-tasks/runs").param("work", Long.toString(opening)).with(putuo()))
			.andReturn().getResponse().getContentAsString()).contains("work-done", opened.message());
		assertThat(mvc.perform(get("/inspections/plan-tasks/runs").with(putuo())
			.header("HX-Current-URL", "http://localhost/inspections?work=" + opening)).andReturn().getResponse()
			.getContentAsString()).as("the run the list's own address names, as htmx tells it")
			.contains("work-done", opened.message());
		assertThat(mvc.perform(get("/inspections/plan-tasks/runs").with(putuo())).andReturn().getResponse()
			.getContentAsString()).as("an ended run is shown only where named").doesNotContain("work-done");

		// again: every item has its task already
		String again = mvc.perform(post("/inspections/plan-tasks").param("planId", plan.id().toString()).with(putuo())
				.with(csrf())).andReturn().getResponse().getRedirectedUrl();
		long second = Long.parseLong(again.substring(again.indexOf("work=") + 5));
		await().atMost(Duration.ofSeconds(30)).until(() -> !run(second).running());
		assertThat(run(second).message()).endsWith("生成检查任务 0 项");
	}
}
