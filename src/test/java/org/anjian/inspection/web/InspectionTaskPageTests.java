package org.anjian.inspection.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.inspection.InspectionCodeFixtures;
import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.inspection.internal.OnSitePlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The officer's page of a finished task: every item with its result and note, the inspection code as an image, and
 * the hazards loaded from the hazard module's fragment rather than read by the inspection module.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InspectionTaskPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	UserDetailsService users;

	@Autowired
	Inspections inspections;

	@Autowired
	OnSitePlans plans;

	private RequestPostProcessor putuo() {
		return user(users.loadUserByUsername("putuo"));
	}

	@Test
	void aFinishedTaskShowsEveryItemsResultTheCodeImageAndLoadsItsHazardsFromTheHazardModule() throws Exception {
		InspectionCodeFixtures.Task task = new InspectionCodeFixtures(jdbc, registry).task("310107", "任务页测试机械厂",
				"FINISHED");
		String page = mvc.perform(get("/inspections/{id}", task.id()).with(user(users.loadUserByUsername("putuo"))))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).contains("（2 项，已记录 2 项）", "class=\"badge result text-bg-success\">合格<",
				"class=\"badge result text-bg-danger\">不合格<", "说明：" + task.failedNote());
		assertThat(page).contains("<img src=\"/p/ic/" + task.token() + ".png\"", "id=\"code-image\"");
		assertThat(page).contains("hx-get=\"/hazards/of-task/" + task.id() + "\"", "hx-trigger=\"load\"")
			.as("the hazards themselves are the fragment's").doesNotContain(task.finding());
	}

	@Test
	void aNewTaskOffersTwoDifferentOfficersSoTheFormAsShownCanBeSentAndARefusedItemCodeIsKept() throws Exception {
		long putuo = asSystem(() -> jdbc.sql("select id from enforcement_body where jurisdiction_code = '310107'")
			.query(Long.class).single());
		String uscc = asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107005", "默认人员测试机械厂")))
			.uscc();
		InspectionTask task = asSystem(() -> inspections.open(putuo, uscc, "默认人员测试", List.of("隐患排查治理"),
				LocalDate.now(), "putuo"));
		String page = mvc.perform(get("/inspections/{id}", task.id()).with(putuo())).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String lead = firstOption(page, "leadOfficerId");
		String second = selectedOption(page, "secondOfficerId");
		assertThat(second).isNotNull().isNotEqualTo(lead);
		MvcResult sent = mvc.perform(post("/inspections/{id}/officers", task.id()).with(putuo()).with(csrf())
			.param("leadOfficerId", lead).param("secondOfficerId", second)).andReturn();
		assertThat(sent.getFlashMap().get("done")).isEqualTo("已指定执法人员");
		asSystem(() -> plans.assemble(task.id()));

		MvcResult refused = mvc.perform(post("/inspections/{id}/plan/items", task.id()).with(putuo()).with(csrf())
			.param("code", "NO-SUCH-ITEM-9")).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(302);
		assertThat(refused.getFlashMap().get("refused")).isEqualTo("检查项编号“NO-SUCH-ITEM-9”不存在或已停用");
		// the page the refusal redirects to, in the same session, as the browser follows it
		String again = mvc.perform(get("/inspections/{id}", task.id()).with(putuo())
			.cookie(refused.getResponse().getCookies())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(again).contains("检查项编号“NO-SUCH-ITEM-9”不存在或已停用", "value=\"NO-SUCH-ITEM-9\"");
	}

	@Test
	void aTaskByHandRefusedForWantOfAReasonComesBackWithWhatWasTyped() throws Exception {
		String uscc = asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107005", "保留输入测试机械厂")))
			.uscc();
		MvcResult refused = mvc.perform(post("/inspections").with(putuo()).with(csrf()).param("uscc", uscc)
			.param("reason", " ").param("matters", "隐患排查治理；有限空间作业安全")).andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/inspections");
		String list = mvc.perform(get("/inspections").with(putuo()).cookie(refused.getResponse().getCookies())).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains("须写明检查理由", "value=\"" + uscc + "\"", "value=\"隐患排查治理；有限空间作业安全\"",
				"id=\"open-by-hand\" open=\"open\"");
	}

	private static String firstOption(String page, String select) {
		Matcher m = Pattern.compile("id=\"" + select + "\"[^>]*>\\s*<option value=\"(\\d+)\"").matcher(page);
		return m.find() ? m.group(1) : null;
	}

	private static String selectedOption(String page, String select) {
		String rest = page.substring(page.indexOf("id=\"" + select + "\""));
		Matcher m = Pattern.compile("<option value=\"(\\d+)\" selected=\"selected\"").matcher(rest.substring(0,
				rest.indexOf("</select>")));
		return m.find() ? m.group(1) : null;
	}
}
