package org.anjian.penalty.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.anjian.Acting;
import org.anjian.Chromium;
import org.anjian.penalty.CatalogueEntry;
import org.anjian.penalty.PenaltyCatalogue;
import org.anjian.penalty.SourceStatus;
import org.anjian.penalty.internal.CatalogueAdministration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium on a phone's width: the administrator opens the penalty catalogue from the navigation, finds an entry
 * by its article, is refused a range whose maximum is below its minimum (in Chinese, with what was typed kept),
 * saves the corrected range as a new revision, and puts the entry on the exempt list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogueAdminBrowserTests {

	private static final String ENTRY = "SL109-initial-unit";

	@RegisterExtension
	static final Chromium.PerClass chromium = new Chromium.PerClass();

	@LocalServerPort
	int port;

	@Autowired
	PenaltyCatalogue catalogue;

	@Autowired
	CatalogueAdministration administration;

	@Test
	void theAdministratorRevisesAnEntryAndAddsItToTheExemptList() throws Exception {
		catalogue.exemption(ENTRY).ifPresent(old -> Acting.as("admin",
				() -> administration.withdrawExemption(old.id(), "浏览器测试前清理", null)));
		CatalogueEntry before = catalogue.entry(ENTRY);
		int revision = catalogue.revision();
		long newMax = before.maxYuan() + 10_000;
		try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
			.setViewportSize(390, 844).setLocale("zh-CN"))) {
			Page page = context.newPage();
			Chromium.logIn(page, port, "admin");
			page.navigate(url("/admin/penalty-catalogue"));
			assertThat(page.locator("h1")).hasText("裁量目录");
			page.locator("#article").selectOption("109");
			page.locator("#filter button[type=submit]").click();
			page.locator("#entry-" + ENTRY + " a").click();
			assertThat(page.locator("h1")).containsText(ENTRY);

			page.locator("#minYuan").fill(String.valueOf(newMax));
			page.locator("#maxYuan").fill(String.valueOf(before.minYuan()));
			page.locator("#reason").fill("与官方文本核对后调整上限");
			page.locator("#save").click();
			assertThat(page.locator("#refused")).containsText("法定罚款上限应大于下限");
			assertThat(page.locator("#minYuan")).hasValue(String.valueOf(newMax));
			assertThat(page.locator("#reason")).hasValue("与官方文本核对后调整上限");
			assertThat(catalogue.revision()).isEqualTo(revision);

			page.locator("#minYuan").fill(String.valueOf(before.minYuan()));
			page.locator("#maxYuan").fill(String.valueOf(newMax));
			page.locator("#save").click();
			assertThat(page.locator("#done")).containsText("裁量目录现为第 " + (revision + 1) + " 版");
			assertThat(page.locator("#range")).hasText(
					org.anjian.penalty.Yuan.range(before.minYuan(), newMax));
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("penalty-catalogue-entry.png")));
			assertThat(catalogue.entry(ENTRY).maxYuan()).isEqualTo(newMax);

			page.locator("#to-revisions").click();
			assertThat(page.locator("#revision-" + (revision + 1))).containsText("与官方文本核对后调整上限");
			assertThat(page.locator("#revision-" + (revision + 1))).containsText("系统管理员");

			page.navigate(url("/admin/penalty-catalogue/exemptions"));
			page.locator("#entryId").selectOption(ENTRY);
			page.locator("#ground").selectOption("LISTED_MINOR");
			page.locator("#condition-FIRST_VIOLATION").check();
			page.locator("#condition-MINOR_HARM").check();
			page.locator("#condition-CORRECTED_IN_TIME").check();
			page.locator("#covers").fill("高危行业未按规定投保安全生产责任保险，初次且在责令期限内投保");
			page.locator("#source").fill("本市免罚清单（待与原文核对）");
			page.locator("#add-exemption").click();
			assertThat(page.locator("#done")).containsText("已将条目 " + ENTRY + " 列入免罚清单");
			assertThat(page.locator("#conditions-shown")).hasText("初次违法、危害后果轻微、及时改正");
			assertThat(page.locator("#unverifiedWarning")).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("penalty-exemption.png")));
		}
		assertThat(catalogue.exemption(ENTRY)).get().satisfies(row -> {
			assertThat(row.status()).isEqualTo(SourceStatus.UNVERIFIED);
			assertThat(row.addedBy()).isEqualTo("admin");
		});
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
