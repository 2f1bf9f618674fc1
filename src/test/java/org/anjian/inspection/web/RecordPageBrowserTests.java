package org.anjian.inspection.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.LoadState;
import org.anjian.Chromium;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.inspection.InspectionCodeFixtures;
import org.anjian.inspection.internal.InspectionRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.anjian.Acting.asSystem;

/**
 * The record page on a weak connection, in real Chromium at phone width: a save the network drops is shown on its
 * item as unsaved, with the outcome still chosen, and saved by the retry button; a save made offline is sent again by
 * itself once the phone is back online. Neither reloads the page, and the record ends with one result per item.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordPageBrowserTests {

	@RegisterExtension
	static final Chromium.PerClass chromium = new Chromium.PerClass();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	InspectionRecords records;

	@Test
	void aSaveTheNetworkLostIsShownUnsavedAndSentAgainNeverDropped() {
		var task = new InspectionCodeFixtures(jdbc, registry).task("310107", "弱网记录测试机械厂", "PLAN_APPROVED");
		List<Long> items = asSystem(() -> jdbc.sql(
				"select checklist_item_id from inspection_plan_item where task_id = :t order by position")
			.param("t", task.id()).query(Long.class).list());
		long passed = items.get(0);
		long failed = items.get(1);
		try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
			.setViewportSize(390, 844).setLocale("zh-CN").setIsMobile(true).setHasTouch(true))) {
			Page page = context.newPage();
			logIn(page);
			page.navigate("http://localhost:" + port + "/inspections/" + task.id() + "/record");
			page.waitForLoadState(LoadState.LOAD);
			AtomicInteger navigations = new AtomicInteger();
			page.onFrameNavigated(frame -> {
				if (frame == page.mainFrame()) {
					navigations.incrementAndGet();
				}
			});

			// the first save of the item is lost on the way
			AtomicBoolean lose = new AtomicBoolean(true);
			page.route("**/inspections/" + task.id() + "/results/" + passed, route -> {
				if (lose.getAndSet(false)) {
					route.abort();
				}
				else {
					route.resume();
				}
			});
			Locator first = page.locator("#item-" + passed);
			page.locator("label[for='o-" + passed + "-PASS']").click();
			assertThat(first.locator(".unsaved")).containsText("未保存");
			assertThat(page.locator("#o-" + passed + "-PASS")).isChecked();
			assertThat(first.locator(".saved")).hasCount(0);
			org.assertj.core.api.Assertions.assertThat(results(task.id())).isEmpty();
			first.locator(".retry").click();
			assertThat(first.locator(".saved")).hasText("已保存：合格");
			assertThat(first.locator(".unsaved")).hasCount(0);
			assertThat(page.locator("#progress")).containsText("1 / 2 已记录");

			// offline: the failed item with its note waits, and goes once the phone is online again
			Locator second = page.locator("#item-" + failed);
			context.setOffline(true);
			page.locator("label[for='o-" + failed + "-FAIL']").click();
			second.locator("textarea").fill("东侧污水井未设置警示标识");
			second.locator("button.save").click();
			assertThat(second.locator(".unsaved")).containsText("未保存");
			context.setOffline(false);
			assertThat(second.locator(".saved")).hasText("已保存：不合格",
					new LocatorAssertions.HasTextOptions().setTimeout(15_000));
			assertThat(second.locator(".unsaved")).hasCount(0);
			assertThat(page.locator("#progress")).containsText("2 / 2 已记录");
			assertThat(page.locator("#progress")).containsText("不合格 1 项");

			org.assertj.core.api.Assertions.assertThat(navigations.get()).as("page loads while saving").isZero();
			org.assertj.core.api.Assertions.assertThat(results(task.id()))
				.extracting(InspectionRecords.Result::checklistItemId, r -> r.outcome().name(), InspectionRecords.Result::note)
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(passed, "PASS", null),
						org.assertj.core.groups.Tuple.tuple(failed, "FAIL", "东侧污水井未设置警示标识"));
		}
	}

	private List<InspectionRecords.Result> results(long task) {
		return asSystem(() -> records.results(task));
	}

	private void logIn(Page page) {
		page.navigate("http://localhost:" + port + "/login");
		page.locator("#username").fill("putuo");
		page.locator("#password").fill("anjian2026");
		page.locator("button[type=submit]").click();
		page.waitForURL("http://localhost:" + port + "/");
	}
}
