package org.anjian.planning;

import java.util.List;

import org.anjian.TestYears;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public monthly list at /p/plans, read without login: published plans only. */
@SpringBootTest
@AutoConfigureMockMvc
class PublicPlanListTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Planning planning;

	@Autowired
	PlanComposition composition;

	@Autowired
	PlanSchedule schedule;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlanFixtures fixtures;

	AnnualPlan scheduled(String district, int year) {
		long body = fixtures.body(district);
		AnnualPlan plan = asSystem(() -> planning.open(body, year, null, "test"));
		asSystem(() -> composition.compose(plan.id()));
		asSystem(() -> schedule.schedule(plan.id()));
		return plan;
	}

	List<String> usccsOfMonth(AnnualPlan plan, int month) {
		return asSystem(() -> jdbc.sql("select uscc from plan_item where plan_id = :p and planned_month = :m order by uscc")
			.param("p", plan.id()).param("m", month).query(String.class).list());
	}

	@Test
	void aPublishedPlansItemsOfTheMonthAreListedWithoutLoginAndAnUnpublishedPlansAreNot() throws Exception {
		int year = TestYears.fresh();
		AnnualPlan published = scheduled("310107", year);
		AnnualPlan unpublished = scheduled("310115", year);
		asSystem(() -> planning.submit(published.id(), null));
		asSystem(() -> planning.approve(published.id(), "leader", null));
		asSystem(() -> planning.publish(published.id(), null));
		int month = asSystem(() -> jdbc.sql("select min(planned_month) from plan_item where plan_id = :p")
			.param("p", published.id()).query(Integer.class).single());
		List<String> listed = usccsOfMonth(published, month);
		List<String> hidden = asSystem(() -> jdbc.sql("select uscc from plan_item where plan_id = :p")
			.param("p", unpublished.id()).query(String.class).list());
		assertThat(listed).isNotEmpty();
		assertThat(hidden).isNotEmpty();

		String page = mvc.perform(get("/p/plans").param("month", String.format("%d-%02d", year, month)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(page).contains(year + "年" + month + "月执法对象和执法事项", "普陀区");
		assertThat(page).contains(listed);
		assertThat(page).doesNotContain(hidden);
		String name = asSystem(() -> jdbc.sql("select name from enterprise where uscc = :u").param("u", listed.get(0))
			.query(String.class).single());
		assertThat(page).contains(name);
		// items of other months are not on this month's list
		List<String> otherMonths = asSystem(() -> jdbc.sql(
				"select uscc from plan_item where plan_id = :p and planned_month <> :m")
			.param("p", published.id()).param("m", month).query(String.class).list());
		assertThat(page).doesNotContain(otherMonths);
		// officers and days are not public
		List<String> officers = asSystem(() -> jdbc.sql("""
				select o.name from officer o join plan_item i on o.id in (i.lead_officer_id, i.second_officer_id)
				where i.plan_id = :p""").param("p", published.id()).query(String.class).list());
		assertThat(page).doesNotContain(officers);
		// next month by default, and a malformed month is told
		mvc.perform(get("/p/plans")).andExpect(status().isOk());
		assertThat(mvc.perform(get("/p/plans").param("month", year + "-13")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString()).contains("格式不正确");
	}

	@Test
	void aPlansSeedIsCommittedPubliclyByItsHashFromTheDraftOnAndTheSeedItselfStaysHidden() throws Exception {
		long body = fixtures.body("310107");
		int year = TestYears.fresh();
		AnnualPlan draft = asSystem(() -> planning.open(body, year, null, "test"));
		String seed = asSystem(() -> jdbc.sql("select seed from annual_plan where id = :p").param("p", draft.id())
			.query(String.class).single());
		String committed = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
			.digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

		String page = mvc.perform(get("/p/plans/commitments")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		assertThat(page).contains(committed, String.valueOf(year));
		assertThat(page).doesNotContain(seed);
	}

	@Test
	void thePublishedAnnualPlanShowsItsCountsByKindAndMonthWithoutLoginAndADraftDoesNot() throws Exception {
		int year = TestYears.fresh();
		AnnualPlan published = scheduled("310107", year);
		AnnualPlan draft = scheduled("310115", year);
		asSystem(() -> planning.submit(published.id(), null));
		asSystem(() -> planning.approve(published.id(), "leader", null));
		asSystem(() -> planning.publish(published.id(), null));
		int items = asSystem(() -> jdbc.sql("select count(*) from plan_item where plan_id = :p and joint_of is null")
			.param("p", published.id()).query(Integer.class).single());

		String page = mvc.perform(get("/p/plans/annual").param("year", String.valueOf(year))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains(year + "年度执法计划", "data-plan=\"" + published.id() + "\"", "计划检查 " + items + " 户次",
				"/p/draws/").doesNotContain("data-plan=\"" + draft.id() + "\"");
		assertThat(mvc.perform(get("/p/plans/annual").param("year", "二〇七九")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains("年份“二〇七九”不正确");
	}
}
