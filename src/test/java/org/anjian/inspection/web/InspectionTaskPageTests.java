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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
	void aNewTaskOffersTheCurrentOfficerToLeadAndAnotherSecondSoTheFormAsShownCanBeSentAndARefusedItemCodeIsKept()
			throws Exception {
		String uscc = asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107005", "默认人员测试机械厂")))
			.uscc();
		InspectionTask task = asSystem(() -> inspections.open(putuoBody(), uscc, "默认人员测试", List.of("隐患排查治理"),
				LocalDate.now(), "putuo"));
		String page = mvc.perform(get("/inspections/{id}", task.id()).with(putuo())).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String lead = selectedOption(page, "leadOfficerId");
		String second = selectedOption(page, "secondOfficerId");
		// putuo is 刘洋, certified to lead
		assertThat(lead).isEqualTo(String.valueOf(officer("刘洋")));
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
		Document again = Jsoup.parse(mvc.perform(get("/inspections/{id}", task.id()).with(putuo())
			.cookie(refused.getResponse().getCookies())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(again.selectFirst("#add-item input[name=code]").val()).isEqualTo("NO-SUCH-ITEM-9");
		assertThat(again.selectFirst("#add-item #error-code").text()).isEqualTo("检查项编号“NO-SUCH-ITEM-9”不存在或已停用");
		assertThat(again.getElementById("refused")).as("said beside the code, summed up above").isNull();
		assertThat(again.getElementById("form-error").text()).isEqualTo("请修改标红的内容后重新提交");
	}

	@Test
	void theOfficersATaskHasAreOfferedAndARefusedChoiceComesBackAsChosenWithTheReasonBesideIt() throws Exception {
		String uscc = asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107005", "人员保留测试机械厂")))
			.uscc();
		long lead = officer("刘洋");
		InspectionTask task = asSystem(() -> {
			InspectionTask opened = inspections.open(putuoBody(), uscc, "人员保留测试", List.of("隐患排查治理"),
					LocalDate.now(), "putuo");
			// the second as the lead, as a task of a plan can come: its own officers are offered, not the current one
			inspections.assign(opened.id(), otherLead(lead), lead, null);
			return opened;
		});
		Document page = Jsoup.parse(mvc.perform(get("/inspections/{id}", task.id()).with(putuo())).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.selectFirst("#leadOfficerId option[selected]").val()).isEqualTo(String.valueOf(otherLead(lead)));
		assertThat(page.selectFirst("#secondOfficerId option[selected]").val()).isEqualTo(String.valueOf(lead));

		MvcResult refused = mvc.perform(post("/inspections/{id}/officers", task.id()).with(putuo()).with(csrf())
			.param("leadOfficerId", String.valueOf(lead)).param("secondOfficerId", String.valueOf(lead))
			.param("repeatReason", "复查上次发现的问题")).andReturn();
		assertThat(refused.getFlashMap().get("refused")).isEqualTo("执法检查须由两名不同的执法人员进行");
		Document again = Jsoup.parse(mvc.perform(get("/inspections/{id}", task.id()).with(putuo())
			.cookie(refused.getResponse().getCookies())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(again.selectFirst("#leadOfficerId option[selected]").val()).isEqualTo(String.valueOf(lead));
		assertThat(again.selectFirst("#secondOfficerId option[selected]").val()).isEqualTo(String.valueOf(lead));
		assertThat(again.selectFirst("#secondOfficerId").hasClass("is-invalid")).isTrue();
		assertThat(again.selectFirst("#assign #error-secondOfficerId").text()).isEqualTo("执法检查须由两名不同的执法人员进行");
		assertThat(again.selectFirst("#assign input[name=repeatReason]").val()).isEqualTo("复查上次发现的问题");
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
		assertThat(Jsoup.parse(list).selectFirst("#open-by-hand #error-reason").text()).isEqualTo("专门检查须写明检查理由");
	}

	@Test
	void aTaskByHandForAnEnterpriseNotFoundSaysSoBesideTheCodeInsteadOfAMissingPage() throws Exception {
		String unknown = "91310107MA1G00000Q";
		assertThat(asSystem(() -> registry.names(List.of(unknown)))).isEmpty();
		MvcResult refused = mvc.perform(post("/inspections").with(putuo()).with(csrf()).param("uscc", unknown)
			.param("reason", "群众举报").param("matters", "隐患排查治理").param("day", "2026-13-01")).andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/inspections");
		Document list = Jsoup.parse(mvc.perform(get("/inspections").with(putuo()).cookie(refused.getResponse().getCookies()))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		// the first fault found is said beside its field; everything typed stays
		assertThat(list.selectFirst("#open-by-hand #error-day").text()).isEqualTo("日期“2026-13-01”格式不正确，应为 年-月-日");
		assertThat(list.selectFirst("#open-by-hand input[name=reason]").val()).isEqualTo("群众举报");

		MvcResult notFound = mvc.perform(post("/inspections").with(putuo()).with(csrf()).param("uscc", unknown)
			.param("reason", "群众举报").param("matters", "隐患排查治理")).andReturn();
		assertThat(notFound.getResponse().getRedirectedUrl()).isEqualTo("/inspections");
		Document again = Jsoup.parse(mvc.perform(get("/inspections").with(putuo()).cookie(notFound.getResponse().getCookies()))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(again.selectFirst("#open-by-hand #error-uscc").text()).contains(unknown, "不存在");
		assertThat(again.selectFirst("#open-by-hand input[name=uscc]").val()).isEqualTo(unknown);
		assertThat(again.selectFirst("#open-by-hand input[name=matters]").val()).isEqualTo("隐患排查治理");
	}

	private long putuoBody() {
		return asSystem(() -> jdbc.sql("select id from enforcement_body where jurisdiction_code = '310107'")
			.query(Long.class).single());
	}

	private long officer(String name) {
		return asSystem(() -> jdbc.sql("select id from officer where name = :n and body_id = :b").param("n", name)
			.param("b", putuoBody()).query(Long.class).single());
	}

	/** Another of 普陀's officers certified to lead. */
	private long otherLead(long than) {
		return asSystem(() -> jdbc.sql("""
				select id from officer where body_id = :b and active and 'LEAD_INSPECTOR' = any(certifications) and id <> :o
				order by id limit 1""").param("b", putuoBody()).param("o", than).query(Long.class).single());
	}

	private static String selectedOption(String page, String select) {
		String rest = page.substring(page.indexOf("id=\"" + select + "\""));
		Matcher m = Pattern.compile("<option value=\"(\\d+)\" selected=\"selected\"").matcher(rest.substring(0,
				rest.indexOf("</select>")));
		return m.find() ? m.group(1) : null;
	}
}
