package org.anjian.planning.web;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anjian.Acting;
import org.anjian.TestYears;
import org.anjian.shared.work.BackgroundWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The forms of a plan's page — special campaigns and settings — and the schedule views, as 普陀's officer
 * {@code putuo} uses them. Each test opens its own year's plan.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlanPageFormsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	BackgroundWork works;

	RequestPostProcessor putuo() {
		return user(users.loadUserByUsername("putuo"));
	}

	String open(int year) throws Exception {
		String created = mvc.perform(post("/api/plans").with(putuo()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"year\":" + year + "}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(created);
		assertThat(m.find()).isTrue();
		return "/plans/" + m.group(1);
	}

	/**
	 * Posts a form and shows the plan's page as the redirect would, with the flash the post left; an act that runs in
	 * the background (composing, scheduling) is shown once its run has ended, on the page naming it.
	 */
	String postThenShow(String path, String plan, String... params) throws Exception {
		var request = post(path).with(putuo()).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		MvcResult posted = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
		String shown = posted.getResponse().getRedirectedUrl();
		assertThat(shown).startsWith(plan);
		if (shown.contains("work=")) {
			long run = Long.parseLong(shown.substring(shown.indexOf("work=") + 5));
			await().atMost(Duration.ofSeconds(120)).until(() -> !Acting.as("putuo", () -> works.find(run)).running());
		}
		// the flash lives in the stored session (Spring Session), reached as a browser would, by its cookie
		var show = get(shown).with(putuo());
		var session = posted.getResponse().getCookie("SESSION");
		if (session != null) {
			show.cookie(session);
		}
		return mvc.perform(show).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	String show(String path) throws Exception {
		return mvc.perform(get(path).with(putuo())).andReturn().getResponse().getContentAsString();
	}

	@Test
	void anOfficerAddsACampaignToADraftSeesWhyOneIsRefusedAndRemovesIt() throws Exception {
		String plan = open(TestYears.fresh());
		assertThat(show(plan)).contains("专项检查", "id=\"campaign-form\"", "本计划没有专项检查");

		String refused = postThenShow(plan + "/campaigns", plan, "name", "有限空间专项", "startsMonth", "3",
				"endsMonth", "5", "riskTags", "CONFINED_SPACE", "matters", " ");
		assertThat(refused).contains("请至少填写一项专项检查事项", "value=\"有限空间专项\"");

		String added = postThenShow(plan + "/campaigns", plan, "name", "有限空间专项", "startsMonth", "3", "endsMonth", "5",
				"riskTags", "CONFINED_SPACE", "industryPrefixes", "C34, 26", "matters", "有限空间作业审批\n通风检测");
		assertThat(added).contains("已添加专项检查", "有限空间专项", "3–5 月", "有限空间作业审批；通风检测", "C34、26");

		String composed = postThenShow(plan + "/composition", plan);
		assertThat(composed).contains("专项检查 ");
		Matcher removal = Pattern.compile("action=\"(/plans/\\d+/campaigns/\\d+/removal)\"").matcher(composed);
		assertThat(removal.find()).isTrue();
		String removed = postThenShow(removal.group(1), plan);
		assertThat(removed).contains("已删除专项检查", "本计划没有专项检查");
	}

	@Test
	void theApiAddsAndRemovesCampaignsAndAnswersBadOnesWithAChineseProblem() throws Exception {
		String plan = open(TestYears.fresh());
		String api = "/api" + plan + "/campaigns";
		String created = mvc.perform(post(api).with(putuo()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name":"粉尘涉爆专项","riskTags":["DUST_EXPLOSION"],"sectors":["INDUSTRY_TRADE"],
						 "streetCodes":["310107005"],"startsMonth":4,"endsMonth":6,"matters":["除尘系统"]}"""))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created);
		assertThat(id.find()).isTrue();
		String page = show(plan);
		String list = page.substring(page.indexOf("id=\"campaign-list\""), page.indexOf("</table>", page.indexOf("id=\"campaign-list\"")));
		assertThat(list).contains("粉尘涉爆专项", "4–6 月", "风险标签", "粉尘涉爆", "行业领域", "工贸", "曹杨新村街道", "除尘系统");
		String bad = mvc.perform(post(api).with(putuo()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"跨区专项\",\"streetCodes\":[\"310115005\"],\"startsMonth\":1,\"endsMonth\":2,"
						+ "\"matters\":[\"x\"]}"))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(bad).contains("不是本执法主体辖区内的街镇");
		mvc.perform(delete(api + "/" + id.group(1)).with(putuo()).with(csrf())).andExpect(status().isNoContent());
		mvc.perform(delete(api + "/" + id.group(1)).with(putuo()).with(csrf())).andExpect(status().isNotFound());
		assertThat(mvc.perform(get(api).with(putuo())).andReturn().getResponse().getContentAsString()).isEqualTo("[]");
	}

	@Test
	void aDraftsSettingsAreEditedOnItsPageAndShownReadOnlyOnceSubmitted() throws Exception {
		String plan = open(TestYears.fresh());
		assertThat(show(plan)).contains("id=\"settings-form\"", "value=\"0.15\"");

		String refused = postThenShow(plan + "/settings", plan, "reserveShare", "百分之十五", "sampleRateB", "0.3",
				"assistanceRateC", "0.1", "generalDrawRate", "0.05", "officerDaysPerMonth", "15",
				"inspectionsPerOfficerDay", "2");
		assertThat(refused).contains("临时任务预留比例须为数字", "value=\"百分之十五\"", "is-invalid");
		String outOfRange = postThenShow(plan + "/settings", plan, "reserveShare", "0.15", "sampleRateB", "2",
				"assistanceRateC", "0.1", "generalDrawRate", "0.05", "officerDaysPerMonth", "15",
				"inspectionsPerOfficerDay", "2");
		assertThat(outOfRange).contains("B级重点抽查比例须在 0 到 1 之间");

		String saved = postThenShow(plan + "/settings", plan, "reserveShare", "0.2", "sampleRateB", "0.5",
				"assistanceRateC", "0.1", "generalDrawRate", "0.05", "officerDaysPerMonth", "15",
				"inspectionsPerOfficerDay", "2");
		assertThat(saved).contains("计划参数已保存", "value=\"0.5\"", "value=\"0.2\"");

		postThenShow(plan + "/composition", plan);
		String submitted = postThenShow(plan + "/submission", plan);
		assertThat(submitted).contains("已提交").doesNotContain("id=\"settings-form\"", "id=\"campaign-form\"")
			.contains("id=\"settings\"");
	}

	@Test
	void theScheduleIsViewedByQuarterAndByMonthAndABadPeriodIsRefusedInChinese() throws Exception {
		String plan = open(TestYears.fresh());
		postThenShow(plan + "/composition", plan);
		String before = show(plan + "/schedule?quarter=2");
		assertThat(before).contains("第 2 季度", "id=\"month-counts\"", "4 月", "6 月", "未排期");
		postThenShow(plan + "/schedule", plan);

		String month = null;
		for (int m = 1; m <= 12 && (month == null || !month.contains("id=\"day-items\"")); m++) {
			month = show(plan + "/schedule?month=" + m);
		}
		assertThat(month).contains("id=\"day-items\"", "id=\"officer-loads\"", "主办", "协办");
		assertThat(show(plan + "/schedule?quarter=1")).contains("1 月", "2 月", "3 月");

		for (String bad : new String[] { "?month=13", "?quarter=0", "?quarter=第二", "" }) {
			String answer = mvc.perform(get(plan + "/schedule" + bad).with(putuo())).andExpect(status().isBadRequest())
				.andReturn().getResponse().getContentAsString();
			assertThat(answer).as(bad).containsAnyOf("月份须为 1 至 12", "季度须为 1 至 4", "请选择一个季度");
		}
	}
}
