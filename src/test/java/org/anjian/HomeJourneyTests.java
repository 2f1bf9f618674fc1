package org.anjian;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.anjian.hazard.Hazard;
import org.anjian.inspection.InspectionTask;
import org.anjian.trigger.internal.AlarmSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.anjian.TodoFixtures.PUTUO;

/**
 * Issue 13's acceptance in Chromium: each role — a leader, the city's, a district's and a street's officer, the legal
 * reviewer, the administrator and an enterprise's safety manager — logs in, finds on the home page what waits for it (the work arranged here
 * through the application's own acts: an inspection whose on-site plan awaits approval, one finished with two
 * findings, one of them reported rectified, one in 长征镇 reported rectified, a monitoring source never heard from, the library's unverified items),
 * and reaches the first entry's act in one click: the page it links to, a list filtered to it or the item itself, not
 * a refusal; the navigation's count follows on that page. And a page a role may not open, reached by its address,
 * keeps the navigation and the person's name and says in Chinese whom it is for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HomeJourneyTests {

	@RegisterExtension
	static final Chromium.PerClass chromium = new Chromium.PerClass();

	@LocalServerPort
	int port;

	@Autowired
	TodoFixtures fixtures;

	/** 长征镇, the street of the demo's street officer {@code changzheng}. */
	static final String CHANGZHENG = "310107102";

	@Autowired
	AlarmSources sources;

	@Test
	void eachRoleOpensTheHomePageAndReachesItsFirstToDoInOneClick() throws Exception {
		String uscc = fixtures.enterprise(PUTUO, "首页旅程企业");
		InspectionTask finished = fixtures.finished(PUTUO, uscc, 2);
		List<Hazard> hazards = fixtures.hazards(finished.id());
		fixtures.rectified(hazards.get(0).id());
		fixtures.submitted(PUTUO, fixtures.enterprise(PUTUO, "首页旅程待批方案"));
		Acting.as("admin", () -> sources.register("首页旅程监测源" + System.nanoTime() % 1_000_000, "310107", "admin"));
		String enterpriseUser = fixtures.enterpriseUser(uscc);
		// a hazard of 长征镇 found by the district and reported rectified: the street's officer re-inspects it too
		InspectionTask inStreet = fixtures.finished(PUTUO, fixtures.enterprise(PUTUO, CHANGZHENG, "首页旅程长征镇企业"), 1);
		fixtures.rectified(fixtures.hazards(inStreet.id()).get(0).id());

		// who, the entry arranged for them, and what the act's page shows of it when that entry comes first
		Map<String, String> arranged = Map.of("leader", "todo.inspection.plansToApprove", "putuo", "todo.hazard.submitted",
				"city", "todo.hazard.submitted", "changzheng", "todo.hazard.submitted", "legal", "todo.inspection.unverifiedItems", "admin", "todo.trigger.silentSources", enterpriseUser,
				"todo.hazard.due");
		Map<String, String> shown = Map.of("todo.inspection.plansToApprove", "检查方案待批准", "todo.hazard.submitted", "待复查",
				"todo.inspection.unverifiedItems", "待核对", "todo.trigger.silentSources", "首页旅程监测源", "todo.hazard.due",
				"整改中");
		for (String username : List.of("leader", "city", "putuo", "changzheng", "legal", "admin", enterpriseUser)) {
			try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
				.setViewportSize(1280, 800).setLocale("zh-CN"))) {
				Page page = context.newPage();
				logIn(page, username);
				assertThat(page.locator("#todos a[data-todo='" + arranged.get(username) + "']")).isVisible();
				Locator first = page.locator("#todos a.todo").first();
				String key = first.getAttribute("data-todo");
				String href = first.getAttribute("href");
				page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("todo-home-" + role(username) + ".png")));

				first.click();
				page.waitForURL(url(href));
				assertThat(page.locator("#error-detail")).hasCount(0);
				assertThat(page.locator("h1")).isVisible();
				if (key.equals(arranged.get(username))) {
					assertThat(page.locator("main")).containsText(shown.get(key));
				}
				// the navigation's count, loaded once the act's page is there
				assertThat(page.locator("#todo-count")).hasText(Pattern.compile("\\d+|99\\+"));
			}
		}
	}

	@Test
	void aPageARoleMayNotOpenKeepsTheLayoutAndSaysWhomItIsFor() throws Exception {
		try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
			.setViewportSize(1280, 800).setLocale("zh-CN"))) {
			Page page = context.newPage();
			logIn(page, "legal");
			assertThat(page.locator("nav.navbar")).not().containsText("执法计划");

			page.navigate(url("/admin/users"));
			assertThat(page.locator("h1")).containsText("禁止访问");
			assertThat(page.locator("nav.navbar .navbar-text")).containsText("黄晓燕");
			assertThat(page.locator("#error-detail")).hasText("该页面供系统管理员使用，您的账号是法制审核，不能打开。");

			page.navigate(url("/plans"));
			assertThat(page.locator("nav.navbar .navbar-text")).containsText("黄晓燕");
			assertThat(page.locator("#error-detail"))
				.hasText("该页面供领导、市级执法人员、区级执法人员、街镇执法人员使用，您的账号是法制审核，不能打开。");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("refused-legal.png")).setFullPage(true));
		}
	}

	private static String role(String username) {
		return username.startsWith("todo-qiye-") ? "enterprise" : username;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void logIn(Page page, String username) {
		Chromium.logIn(page, port, username);
	}
}
