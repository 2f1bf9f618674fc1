package org.anjian;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.anjian.hazard.Hazard;
import org.anjian.inspection.InspectionTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.anjian.TodoFixtures.PUTUO;

/**
 * Issue 15's journey in Chromium, through the pages only: an inspection's failed item (a hazard) → 立案申请 by the
 * district officer → 立案审批 by the leader → evidence and the discretion (the no-penalty grounds answered first) →
 * 调查终结 → 法制审核 by {@code legal}, who sees the benchmark's reasoning beside the opinion → 告知 → the party's
 * defence → collective discussion and the decision with the four reasons by the leader → 送达 → payment → 结案.
 * Each person reaches the case from the to-do list of the home page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PenaltyJourneyTests {

	@RegisterExtension
	static final Chromium.PerClass chromium = new Chromium.PerClass();

	@LocalServerPort
	int port;

	@Autowired
	TodoFixtures fixtures;

	@Test
	void aFailedItemBecomesACaseThatRunsToItsClosingThroughThePagesOfEachRole() throws Exception {
		String uscc = fixtures.enterprise(PUTUO, "处罚旅程企业" + System.nanoTime() % 1_000_000);
		InspectionTask finished = fixtures.finished(PUTUO, uscc, 1);
		Hazard hazard = fixtures.hazards(finished.id()).get(0);
		String enterpriseUser = fixtures.enterpriseUser(uscc);
		String caseUrl;

		// the district officer files the case from the hazard the inspection found
		try (BrowserContext context = context()) {
			Page page = context.newPage();
			Chromium.logIn(page, port, "putuo");
			page.navigate(url("/hazards/" + hazard.id()));
			page.locator("#file-case-link").click();
			assertThat(page.locator("#from-hazard")).containsText(hazard.description());
			assertThat(page.locator("#uscc")).hasValue(uscc);
			page.locator("#entry").selectOption("SL97-initial-unit");
			page.locator("#party").selectOption("RESPONSIBLE_PERSON");
			page.locator("#facts").fill("未如实记录安全生产教育和培训情况，三名新入职员工无培训记录");
			page.locator("#file-submit").click();
			// an entry that punishes the unit, filed against a person: refused in Chinese, what was typed kept
			assertThat(page.locator("#error-entryId")).containsText("针对单位");
			assertThat(page.locator("#entry")).hasValue("SL97-initial-unit");
			assertThat(page.locator("#facts")).hasValue("未如实记录安全生产教育和培训情况，三名新入职员工无培训记录");
			page.locator("#party").selectOption("UNIT");
			page.locator("#file-submit").click();
			page.waitForURL(Pattern.compile(".*/penalty-cases/\\d+$"));
			assertThat(page.locator("#done")).containsText("已提交立案申请");
			assertThat(page.locator("#status")).hasText("立案审批中");
			assertThat(page.locator("#origin-link")).isVisible();
			caseUrl = page.url();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("penalty-filed.png")).setFullPage(true));
		}
		String path = caseUrl.replaceFirst("^https?://[^/]+", "");

		// the leader approves the filing from the to-do list, naming two investigators
		try (BrowserContext context = context()) {
			Page page = context.newPage();
			Chromium.logIn(page, port, "leader");
			openFromTodo(page, "todo.penalty.filed", path);
			page.locator("#approval-form input[name=investigators]").nth(0).check();
			page.locator("#approve").click();
			assertThat(page.locator("#error-investigators")).containsText("两名以上");
			page.locator("#approval-form input[name=investigators]").nth(0).check();
			page.locator("#approval-form input[name=investigators]").nth(1).check();
			page.locator("#approve").click();
			assertThat(page.locator("#status")).hasText("调查取证");
			assertThat(page.locator("#deadline")).containsText("作出决定期限");
		}

		// the officer gathers evidence, answers the no-penalty grounds first, records the discretion, ends the
		// investigation and sends the case to legal review (the intended fine is of the larger amount)
		try (BrowserContext context = context()) {
			Page page = context.newPage();
			Chromium.logIn(page, port, "putuo");
			page.navigate(url(path));
			page.locator("#evidence-kind").selectOption("INQUIRY");
			page.locator("#evidence-description").fill("问：新员工是否接受安全生产教育和培训？答：入职时间紧，没有培训，也没有记录。");
			page.locator("#evidence-submit").click();
			assertThat(page.locator("#evidence-list li")).hasCount(1);
			assertThat(page.locator("#done")).hasText("已登记证据");
			page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
			int grounds = page.locator("#discretion-form input[value=no]").count();
			for (var radio : page.locator("#discretion-form input[value=no]").all()) {
				radio.check();
			}
			assertThat(page.locator("#discretion-form input[value=no]:checked")).hasCount(grounds);
			page.locator("#dimension-CORRECTION").selectOption("NOT_CORRECTED");
			page.locator("#intended-amount").fill("60000");
			page.locator("#discretion-submit").click();
			assertThat(page.locator("#proposal")).containsText("一般档");
			assertThat(page.locator("#intended")).containsText("60,000");
			assertThat(page.locator("#review-needed")).isVisible();
			page.locator("#end-investigation").click();
			assertThat(page.locator("#status")).hasText("案件审核");
			page.locator("#send-to-review").click();
			assertThat(page.locator("#status")).hasText("法制审核");
		}

		// the legal reviewer reads the benchmark's reasoning beside the opinion and passes the review
		try (BrowserContext context = context()) {
			Page page = context.newPage();
			Chromium.logIn(page, port, "legal");
			openFromTodo(page, "todo.penalty.review", path);
			assertThat(page.locator("#proposal-reasons")).containsText("先行审查行政处罚法第33条不予处罚情形");
			assertThat(page.locator("#proposal-reasons")).containsText("改正程度：未改正或改正不到位");
			page.locator("#pass-review").click();
			assertThat(page.locator("#error-legalOpinion")).containsText("请填写法制审核意见");
			page.locator("#opinion").fill("事实清楚，证据确凿，适用依据正确，裁量适当，同意告知");
			page.locator("#pass-review").click();
			assertThat(page.locator("#status")).hasText("案件审核");
			assertThat(page.locator("#legal-opinion")).containsText("通过");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("penalty-reviewed.png")).setFullPage(true));
		}

		// the officer tells the party the intended fine and its hearing right
		try (BrowserContext context = context()) {
			Page page = context.newPage();
			Chromium.logIn(page, port, "putuo");
			page.navigate(url(path));
			assertThat(page.locator("#notice-amount")).hasValue("60000");
			page.locator("#notify").click();
			assertThat(page.locator("#status")).hasText("已告知");
			assertThat(page.locator("#particulars")).containsText("有，听证申请期限至");
			assertThat(page.locator("#document-notice")).isVisible();
			assertThat(page.locator("#document-hearing-notice")).isVisible();
		}

		// the enterprise reads the notice from its to-do list and states its defence online
		try (BrowserContext context = context()) {
			Page page = context.newPage();
			Chromium.logIn(page, port, enterpriseUser);
			page.locator("#todos a[data-todo='todo.penalty.defence']").click();
			page.waitForURL(Pattern.compile(".*/my/penalty-cases/" + path.replaceFirst(".*/", "") + "$"));
			page.locator("#defence-text-input").fill("已组织三名员工补训并建立档案，请求从轻处罚");
			page.locator("#submit-defence").click();
			assertThat(page.locator("main")).containsText("请求从轻处罚");
			assertThat(page.locator("#submit-defence")).hasCount(0);
			String notice = ReadBack.pdfText(page.request().get(url(path.replace("/penalty-cases/", "/my/penalty-cases/")
					+ "/documents/notice")).body());
			org.assertj.core.api.Assertions.assertThat(ReadBack.squeezed(notice)).contains("行政处罚告知书").contains("6万元").contains("《安全生产法》第97条");
		}

		// the leader records the collective discussion (5万元以上) and decides with the four reasons
		try (BrowserContext context = context()) {
			Page page = context.newPage();
			Chromium.logIn(page, port, "leader");
			openFromTodo(page, "todo.penalty.toDecide", path);
			page.locator("#reason-defence").fill("");
			page.locator("#decide").click();
			assertThat(page.locator("#refused")).containsText("集体讨论");
			page.locator("#discussion-record").fill("2026年负责人集体讨论：事实清楚，同意按告知数额处罚");
			page.locator("#record-discussion").click();
			assertThat(page.locator("#status")).hasText("集体讨论");
			page.locator("#decision-amount").fill("70000");
			page.locator("#reason-defence").fill("当事人称已补训，经核实属实，但补训发生在检查之后，不影响违法事实的认定");
			page.locator("#decide").click();
			assertThat(page.locator("#refused")).containsText("第45条");
			assertThat(page.locator("#reason-defence")).hasValue("当事人称已补训，经核实属实，但补训发生在检查之后，不影响违法事实的认定");
			page.locator("#decision-amount").fill("60000");
			page.locator("#decide").click();
			assertThat(page.locator("#status")).hasText("已决定");
			assertThat(page.locator("#reasons")).containsText("事理");
			assertThat(page.locator("#reasons")).containsText("不影响违法事实的认定");
			assertThat(page.locator("#deadline")).containsText("送达期限");
		}

		// the officer delivers the decision, records the payment and closes the case
		try (BrowserContext context = context()) {
			Page page = context.newPage();
			Chromium.logIn(page, port, "putuo");
			page.navigate(url(path));
			page.locator("#deliver").click();
			assertThat(page.locator("#status")).hasText("已送达");
			assertThat(page.locator("#paid-amount")).hasValue("60000");
			page.locator("#record-payment").click();
			assertThat(page.locator("#status")).hasText("执行完毕");
			page.locator("#close").click();
			assertThat(page.locator("#status")).hasText("已结案");
			assertThat(page.locator("#history")).containsText("作出行政处罚决定");
			assertThat(page.locator("#history")).containsText("法制审核通过");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("penalty-closed.png")).setFullPage(true));

			// every document of the case, read back: the decision with its article, amount and four reasons
			String decision = ReadBack.squeezed(ReadBack.pdfText(page.request().get(url(path + "/documents/decision")).body()));
			org.assertj.core.api.Assertions.assertThat(decision).contains("行政处罚决定书").contains("《安全生产法》第97条").contains("6万元").contains("陆万元整")
				.contains("事理").contains("法理").contains("道理").contains("情理").contains("不影响违法事实的认定");
			String file = ReadBack.squeezed(ReadBack.pdfText(page.request().get(url(path + "/documents/case-file")).body()));
			org.assertj.core.api.Assertions.assertThat(file).contains("目录").contains("立案审批表").contains("询问笔录").contains("法制审核意见")
				.contains("行政处罚告知书").contains("陈述申辩笔录").contains("集体讨论记录").contains("行政处罚决定书")
				.contains("送达回证").contains("结案审批表");
			for (String kind : List.of("filing-approval", "notice", "hearing-notice", "defence", "legal-opinion", "discussion",
					"delivery-receipt", "closing-approval")) {
				String text = ReadBack.squeezed(ReadBack.pdfText(page.request().get(url(path + "/documents/" + kind)).body()));
				org.assertj.core.api.Assertions.assertThat(text).as(kind).contains("处罚旅程企业");
			}
		}
	}

	/** The home page's to-do of that kind, clicked; on the list it leads to when several wait, the case itself. */
	private void openFromTodo(Page page, String todo, String path) {
		page.locator("#todos a[data-todo='" + todo + "']").click();
		if (!page.url().endsWith(path)) {
			page.locator("#cases a[href='" + path + "']").click();
		}
		page.waitForURL(url(path));
	}

	private BrowserContext context() {
		return chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("zh-CN"));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
