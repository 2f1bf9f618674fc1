package org.anjian.penalty.web;

import java.nio.charset.StandardCharsets;

import org.anjian.Acting;
import org.anjian.MovableClock;
import org.anjian.penalty.CaseStatus;
import org.anjian.penalty.PenaltyCase;
import org.anjian.penalty.PenaltyCatalogue;
import org.anjian.penalty.PenaltyFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 15, build item 9, the enterprise's side: its own user reads its cases from the notice (告知) on — not one still
 * under investigation, not another enterprise's — with the deadline running, the article, its rights and the
 * documents served; states its defence online (what it typed kept when refused) or waives it; and after the
 * decision is refused in Chinese, naming the state and the deadline, with nothing changed. The cases are made
 * through the procedure's acts as officers.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MyPenaltyCasePagesTests {

	@Autowired
	org.anjian.shared.WorkingDays workingDays;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	PenaltyFixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	PenaltyCatalogue catalogue;

	@AfterEach
	void backToNow() {
		clock.reset();
	}

	@Test
	void anEnterpriseSeesItsNotifiedCaseButNeitherOneUnderInvestigationNorAnotherEnterprisesAndStatesItsDefence()
			throws Exception {
		String uscc = fixtures.enterprise("处罚告知企业");
		String username = fixtures.enterpriseUser(uscc);
		PenaltyCase notified = fixtures.notified(uscc, "未如实记录安全生产教育培训情况（企业端测试）", 30_000);
		long investigating = fixtures.investigating(uscc, "调查中的案件（企业端测试）");
		long others = fixtures.notified(fixtures.enterprise("另一家企业"), "另一家企业的违法事实", 40_000).id();

		String citation = catalogue.entry("SL97-initial-unit").citation();
		Document list = page(username, "/my/penalty-cases");
		assertThat(list.select("#case-" + notified.id())).hasSize(1);
		assertThat(list.select("#case-" + notified.id()).text()).contains("已告知", "拟罚款 3万元", "陈述申辩期限",
				notified.defenceDue(workingDays).toString(), citation);
		assertThat(list.select("#case-" + investigating)).isEmpty();
		assertThat(list.select("#case-" + others)).isEmpty();
		assertThat(open(username, "/my/penalty-cases/" + investigating).getStatus()).isEqualTo(404);
		assertThat(open(username, "/my/penalty-cases/" + others).getStatus()).isEqualTo(404);
		// an officer has the case pages of the bureau, not the enterprise's
		assertThat(open("putuo", "/my/penalty-cases/" + notified.id()).getStatus()).isEqualTo(403);

		Document page = page(username, "/my/penalty-cases/" + notified.id());
		assertThat(page.select("#status").text()).isEqualTo("已告知");
		assertThat(page.select("#citation").text()).isEqualTo(citation);
		assertThat(page.select("#notified-amount").text()).contains("3万元");
		assertThat(page.select("#deadline-defence").text()).contains(notified.defenceDue(workingDays).toString());
		assertThat(page.select("#right-defence").text()).contains("不得因您陈述、申辩而给予更重的处罚");
		assertThat(page.select("#right-hearing")).as("no hearing right below the larger amount").isEmpty();
		assertThat(page.select("#investigators").text()).contains("刘洋").doesNotContain("putuo");
		assertThat(page.select("#documents a").eachAttr("href"))
			.containsExactly("/my/penalty-cases/" + notified.id() + "/documents/notice");
		assertThat(page.select("#defence-form textarea[name=defence]").attr("maxlength")).isEqualTo("4000");

		// too long: refused beside the field, what was typed kept
		String tooLong = "申".repeat(4001);
		MvcResult refused = post(username, "/my/penalty-cases/" + notified.id() + "/defence", "defence", tooLong,
				"version", notified.version().toString());
		assertThat(refused.getFlashMap().get("refused")).asString().contains("4000");
		assertThat(refused.getFlashMap().get("form")).asString().contains(tooLong);
		assertThat(fixtures.read(notified.id()).defence()).isNull();
		// the page the redirect shows, given what the refusal flashed
		var redirected = get("/my/penalty-cases/" + notified.id()).with(as(username));
		refused.getFlashMap().forEach(redirected::requestAttr);
		Document shownAgain = Jsoup.parse(mvc.perform(redirected).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(shownAgain.select("#defence-text-input").text()).isEqualTo(tooLong);
		assertThat(shownAgain.select("#error-defence").text()).contains("陈述申辩最多 4000 个字符");

		String defence = "我公司已于次日补齐培训记录，属首次违法，请求从轻处罚。";
		MvcResult stated = post(username, "/my/penalty-cases/" + notified.id() + "/defence", "defence", defence,
				"version", notified.version().toString());
		assertThat(stated.getFlashMap().get("done")).asString().startsWith("已提交陈述申辩");
		PenaltyCase withDefence = fixtures.read(notified.id());
		assertThat(withDefence.defence()).isEqualTo(defence);
		assertThat(withDefence.defenceOnline()).isTrue();
		Document recorded = page(username, "/my/penalty-cases/" + notified.id());
		assertThat(recorded.select("#defence-text").text()).isEqualTo(defence);
		assertThat(recorded.select("#defence-given").text()).contains(withDefence.defenceOn().toString(), "在线提交");
		assertThat(recorded.select("#defence-form")).isEmpty();

		// decided: the form is gone, the defence stays with its date, the four reasons and the decision are shown
		PenaltyCase decided = fixtures.decided(notified.id());
		Document after = page(username, "/my/penalty-cases/" + notified.id());
		assertThat(after.select("#defence-form, #waive-form")).isEmpty();
		assertThat(after.select("#defence-text").text()).isEqualTo(defence);
		assertThat(after.select("#decided").text()).contains("林志强").doesNotContain("leader");
		assertThat(after.select("#reason-facts").text()).isEqualTo(PenaltyFixtures.WHY.facts());
		assertThat(after.select("#reason-defence").text()).isEqualTo(PenaltyFixtures.WHY.defence());
		assertThat(after.select("#right-remedies").text()).contains("60 日内申请行政复议", "6 个月内");
		assertThat(after.select("#documents a").eachAttr("href")).containsExactly(
				"/my/penalty-cases/" + notified.id() + "/documents/notice",
				"/my/penalty-cases/" + notified.id() + "/documents/decision");

		// a defence after the decision, from the page read before it: refused in Chinese, nothing changed
		MvcResult late = post(username, "/my/penalty-cases/" + notified.id() + "/defence", "defence", "补充意见",
				"version", notified.version().toString());
		assertThat(late.getFlashMap().get("refused")).asString()
			.contains("案件当前为“已决定”", "陈述申辩期限至" + notified.defenceDue(workingDays), "不能再提交陈述申辩");
		assertThat(late.getFlashMap().get("form")).asString().contains("补充意见");
		MvcResult lateWaiver = post(username, "/my/penalty-cases/" + notified.id() + "/defence-waiver",
				"version", decided.version().toString());
		assertThat(lateWaiver.getFlashMap().get("refused")).asString().contains("不能再放弃陈述申辩");
		PenaltyCase unchanged = fixtures.read(notified.id());
		assertThat(unchanged.defence()).isEqualTo(defence);
		assertThat(unchanged.defenceWaived()).isFalse();
		assertThat(unchanged.version()).isEqualTo(decided.version());
		assertThat(unchanged.status()).isEqualTo(CaseStatus.DECIDED);
	}

	@Test
	void anEnterpriseWaivesItsDefenceAndLaterSeesItsFineOverdueWithTheLateChargeAndTheReminder() throws Exception {
		String uscc = fixtures.enterprise("放弃申辩企业");
		String username = fixtures.enterpriseUser(uscc);
		PenaltyCase notified = fixtures.notified(uscc, "未按规定制定应急救援预案（企业端测试）", 60_000);
		long id = notified.id();

		Document told = page(username, "/my/penalty-cases/" + id);
		// the larger amount: the hearing right within five days, and its notice served with the notice
		assertThat(told.select("#right-hearing").text()).contains("5 个工作日内", notified.hearingRequestDue(workingDays).toString());
		assertThat(told.select("#deadline-hearing").text()).contains(notified.hearingRequestDue(workingDays).toString());
		assertThat(told.select("#documents a").eachAttr("href")).containsExactly("/my/penalty-cases/" + id + "/documents/notice",
				"/my/penalty-cases/" + id + "/documents/hearing-notice");
		assertThat(told.select("#waive-confirm #waive-confirmed")).hasSize(1);

		MvcResult waived = post(username, "/my/penalty-cases/" + id + "/defence-waiver", "version",
				notified.version().toString());
		assertThat(waived.getFlashMap().get("done")).asString().startsWith("已放弃陈述申辩");
		assertThat(fixtures.read(id).defenceWaived()).isTrue();
		assertThat(page(username, "/my/penalty-cases/" + id).select("#defence-waived").text()).contains("放弃陈述申辩");

		// the bureau discusses, decides and delivers; the enterprise does not pay within 15 days
		fixtures.decided(id);
		PenaltyCase delivered = fixtures.delivered(id);
		Document due = page(username, "/my/penalty-cases");
		assertThat(due.select("#case-" + id).text()).contains("决定罚款 6万元", "缴纳罚款期限", delivered.paymentDue().toString());
		clock.advanceDays(20);
		Document overdue = page(username, "/my/penalty-cases/" + id);
		assertThat(overdue.select("#deadline-payment").text()).contains("已逾期 5 天");
		// 3% a day for 5 days of 60,000 yuan: 9,000 yuan added
		assertThat(overdue.select("#owed").text()).contains("6.9万元", "9,000元");
		assertThat(overdue.select("#documents a").eachAttr("href")).contains(
				"/my/penalty-cases/" + id + "/documents/delivery-receipt",
				"/my/penalty-cases/" + id + "/documents/payment-reminder");
	}

	@Test
	void theEnterprisesToDoLeadsStraightToItsOneCaseAwaitingItsDefence() throws Exception {
		String uscc = fixtures.enterprise("待办企业");
		String username = fixtures.enterpriseUser(uscc);
		assertThat(page(username, "/").select("a[data-todo=todo.penalty.defence]")).isEmpty();
		PenaltyCase first = fixtures.notified(uscc, "第一起案件（待办测试）", 30_000);

		Document home = page(username, "/");
		assertThat(home.select("a[data-todo=todo.penalty.defence]").attr("href")).isEqualTo("/my/penalty-cases/" + first.id());
		assertThat(home.select("a[data-todo=todo.penalty.defence]").text()).contains("处罚案件待陈述申辩");
		// due within the days a reminder comes before (3 by default, the defence 3 days): urgent
		assertThat(home.select("a[data-todo=todo.penalty.defence]").hasClass("list-group-item-warning")).isTrue();

		fixtures.notified(uscc, "第二起案件（待办测试）", 30_000);
		assertThat(page(username, "/").select("a[data-todo=todo.penalty.defence]").attr("href")).isEqualTo("/my/penalty-cases");
		// past its deadline, the defence is no longer asked of it on the home page
		clock.advanceDays(first.defenceDue(workingDays).toEpochDay() - first.notifiedOn().toEpochDay() + 1);
		assertThat(page(username, "/").select("a[data-todo=todo.penalty.defence]")).isEmpty();
	}

	private RequestPostProcessor as(String username) {
		return user(Acting.asSystem(() -> users.loadUserByUsername(username)));
	}

	private MockHttpServletResponse open(String username, String path) throws Exception {
		return mvc.perform(get(path).with(as(username))).andReturn().getResponse();
	}

	private Document page(String username, String path) throws Exception {
		MockHttpServletResponse response = open(username, path);
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	private MvcResult post(String username, String path, String... params) throws Exception {
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(as(username)).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		MvcResult result = mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(302);
		return result;
	}
}
