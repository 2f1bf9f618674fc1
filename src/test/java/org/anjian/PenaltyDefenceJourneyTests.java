package org.anjian;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.anjian.penalty.PenaltyCase;
import org.anjian.penalty.PenaltyFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue 15, build item 9, the enterprise's side in Chromium at a phone's width: the bureau tells an enterprise the fine
 * it intends (the case driven through the procedure's acts as 普陀's officers); the enterprise's own user opens its home
 * page, follows the to-do straight to the case, reads the facts, the article, the amount, the deadline and its rights,
 * submits its statement and defence online and sees it recorded with its date; after the decision the form is gone and
 * the defence stays. On a second case it waives its defence, confirming first. No page scrolls sideways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PenaltyDefenceJourneyTests {

	@RegisterExtension
	static final Chromium.PerClass chromium = new Chromium.PerClass();

	@LocalServerPort
	int port;

	@Autowired
	org.anjian.shared.WorkingDays workingDays;

	@Autowired
	PenaltyFixtures fixtures;

	@Test
	void theEnterpriseFollowsItsToDoReadsTheCaseAndStatesItsDefenceOnlineOnAPhone() throws Exception {
		String uscc = fixtures.enterprise("桃浦处罚旅程精密机械制造有限公司");
		String username = fixtures.enterpriseUser(uscc);
		PenaltyCase told = fixtures.notified(uscc,
				"2026年检查发现该单位未如实记录安全生产教育培训的时间、内容、参加人员以及考核结果等情况，涉及新入职员工12名", 30_000);
		String defence = "我公司对检查认定的事实无异议。培训已于检查后第二天补齐并如实记录，考核合格；"
				+ "本次为首次违法，已及时改正，未造成危害后果，恳请从轻处罚。";

		try (BrowserContext context = phone()) {
			Page page = context.newPage();
			Chromium.logIn(page, port, username);
			Locator todo = page.locator("#todos a[data-todo='todo.penalty.defence']");
			assertThat(todo).containsText("处罚案件待陈述申辩");
			noHorizontalScrolling(page);
			todo.click();
			page.waitForURL(url("/my/penalty-cases/" + told.id()));

			assertThat(page.locator("#status")).hasText("已告知");
			assertThat(page.locator("#case-facts")).containsText("未如实记录安全生产教育培训");
			assertThat(page.locator("#citation")).containsText("第97条");
			assertThat(page.locator("#notified-amount")).containsText("3万元");
			assertThat(page.locator("#deadline-defence")).containsText(told.defenceDue(workingDays).toString());
			assertThat(page.locator("#right-defence")).containsText("不得因您陈述、申辩而给予更重的处罚");
			assertThat(page.locator("#document-notice")).hasAttribute("href", "/my/penalty-cases/" + told.id() + "/documents/notice");
			noHorizontalScrolling(page);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("penalty-enterprise-case-phone.png"))
				.setFullPage(true));

			page.locator("#defence-text-input").fill(defence);
			page.locator("#submit-defence").click();
			assertThat(page.locator("#done")).containsText("已提交陈述申辩");
			assertThat(page.locator("#defence-text")).hasText(defence);
			assertThat(page.locator("#defence-given")).containsText("在线提交");
			assertThat(page.locator("#defence-form")).hasCount(0);
			noHorizontalScrolling(page);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("penalty-enterprise-defence-phone.png"))
				.setFullPage(true));

			// its list of cases, and the to-do gone
			page.navigate(url("/my/penalty-cases"));
			assertThat(page.locator("#case-" + told.id())).containsText("拟罚款 3万元");
			noHorizontalScrolling(page);
			page.navigate(url("/"));
			assertThat(page.locator("#todos a[data-todo='todo.penalty.defence']")).hasCount(0);
		}

		// the bureau decides; the enterprise reads the decision, its defence kept and the form gone
		PenaltyCase decided = fixtures.decided(told.id());
		PenaltyCase second = fixtures.notified(uscc, "未按规定对从业人员进行安全生产教育和培训（第二起）", 30_000);
		try (BrowserContext context = phone()) {
			Page page = context.newPage();
			Chromium.logIn(page, port, username);
			page.navigate(url("/my/penalty-cases/" + told.id()));
			assertThat(page.locator("#status")).hasText("已决定");
			assertThat(page.locator("#defence-form")).hasCount(0);
			assertThat(page.locator("#defence-text")).hasText(defence);
			assertThat(page.locator("#defence-given")).containsText(decided.defenceOn().toString());
			assertThat(page.locator("#reason-defence")).hasText(PenaltyFixtures.WHY.defence());
			assertThat(page.locator("#decided")).containsText("林志强");
			assertThat(page.locator("#document-decision")).isVisible();
			noHorizontalScrolling(page);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("penalty-enterprise-decided-phone.png"))
				.setFullPage(true));

			// the second case: waived, after confirming
			page.navigate(url("/my/penalty-cases/" + second.id()));
			page.locator("#waive").click();
			assertThat(page.locator("#waive-confirm")).isVisible();
			noHorizontalScrolling(page);
			page.locator("#waive-confirmed").click();
			assertThat(page.locator("#done")).containsText("已放弃陈述申辩");
			assertThat(page.locator("#defence-waived")).containsText("放弃陈述申辩");
			assertThat(page.locator("#defence-form")).hasCount(0);
		}
	}

	private BrowserContext phone() {
		return chromium.browser().newContext(new Browser.NewContextOptions()
			.setViewportSize(390, 844).setLocale("zh-CN").setIsMobile(true).setHasTouch(true));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static void noHorizontalScrolling(Page page) {
		Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
		org.assertj.core.api.Assertions.assertThat(overflow).as("horizontal scrolling at phone width on " + page.url())
			.isEqualTo(false);
	}
}
