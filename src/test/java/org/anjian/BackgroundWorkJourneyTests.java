package org.anjian;

import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.anjian.planning.AnnualPlan;
import org.anjian.planning.PlanComposition;
import org.anjian.planning.PlanFixtures;
import org.anjian.planning.Planning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.anjian.Acting.asSystem;

/**
 * Real Chromium: 普陀's officer schedules (排期) a composed plan from its page. The page answers at once with the
 * run's progress indicator, polled; a second click on 排期 (from the page as it was before, in another tab) is told
 * that the schedule is already running; once the run has ended the page shows the result and the scheduled items.
 * The test holds the plan's items until it has seen all that, so that the run is caught in progress.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackgroundWorkJourneyTests {

	@RegisterExtension
	static final Chromium.PerClass chromium = new Chromium.PerClass();

	@LocalServerPort
	int port;

	@Autowired
	Planning planning;

	@Autowired
	PlanComposition composition;

	@Autowired
	PlanFixtures fixtures;

	@Autowired
	DataSource dataSource;

	@Test
	void anOfficerSchedulesAPlanSeesItsProgressThenTheResultAndASecondClickIsToldItIsRunning() throws Exception {
		long body = fixtures.body("310107");
		AnnualPlan plan = asSystem(() -> planning.open(body, TestYears.fresh(), null, "putuo"));
		asSystem(() -> composition.compose(plan.id()));
		String planUrl = "http://localhost:" + port + "/plans/" + plan.id();
		Browser browser = chromium.browser();
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)
			.setLocale("zh-CN"))) {
			Page page = context.newPage();
			Chromium.logIn(page, port, "putuo");
			page.navigate(planUrl);
			Page before = context.newPage(); // the same plan open in another tab, 排期 still offered there
			before.navigate(planUrl);

			try (Holding items = Holding.rows(dataSource, "select id from plan_item where plan_id = ? for update",
					plan.id())) {
				schedule(page).click();
				assertThat(page).hasURL(Pattern.compile("/plans/" + plan.id() + "\\?work=\\d+"));
				assertThat(page.locator(".work-running")).containsText("正在进行：排期 " + plan.year() + " 年度计划");
				assertThat(page.locator(".work-running .progress-bar")).isVisible();
				assertThat(page.locator("#acts button")).hasCount(0); // the draft's acts wait for the run
				// the solver's progress, polled, until the run waits to write what it found
				assertThat(page.locator(".work-stage")).containsText("保存 ",
						new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
				assertThat(page.locator(".work-running .progress-bar")).hasText("97%");
				page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("plan-scheduling.png")));

				schedule(before).click();
				assertThat(before.locator("#refused")).containsText("正在进行中");
				assertThat(before.locator("#refused")).containsText("“排期 " + plan.year() + " 年度计划”");
				assertThat(before.locator(".work-running")).isVisible(); // and it shows the run in progress
			}
			// let go: the run writes the schedule, the page reloads with the outcome
			assertThat(page.locator(".work-done")).containsText("已排期：",
					new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
			assertThat(page.locator("#items")).containsText("（主办）");
			assertThat(schedule(page)).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("plan-scheduled-in-background.png"))
				.setFullPage(true));
			assertThat(before.locator(".work-running")).hasCount(0,
					new LocatorAssertions.HasCountOptions().setTimeout(30_000));
		}
	}

	private static com.microsoft.playwright.Locator schedule(Page page) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("排期").setExact(true));
	}
}
