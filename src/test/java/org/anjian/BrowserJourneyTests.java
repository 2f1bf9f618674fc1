package org.anjian;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.Role;
import org.anjian.shared.database.SystemScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Real Chromium (Debian's {@code chromium} on the PATH) against the running application: a district officer logs
 * in and sees the Chinese home page of their district; the administrator opens the users page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserJourneyTests {

	@RegisterExtension
	static final Chromium.PerClass chromium = new Chromium.PerClass();

	@LocalServerPort
	int port;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	org.anjian.grading.FactIntake intake;

	@Autowired
	java.time.Clock clock;

	@Autowired
	UserAccounts accounts;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	org.anjian.inspection.Inspections inspections;

	@Autowired
	org.anjian.inspection.internal.OnSitePlans onSitePlans;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.anjian.hazard.HazardRectification rectification;

	@Test
	void districtOfficerSeesChineseHomeThenAdministratorOpensUsers() throws Exception {
		try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
			Page page = context.newPage();
			logIn(page, "putuo");
			assertThat(page).hasTitle("工作台 · 安监");
			assertThat(page.locator("h1")).containsText("您好，刘洋");
			assertThat(page.locator("#scope")).hasText("管辖范围：普陀区");
			assertThat(page.locator("#todo-list h2")).hasText("待办事项");
			assertThat(page.getByText("用户管理")).hasCount(0);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("home-putuo.png")).setFullPage(true));
			page.locator("form[action='/logout'] button").click();
			assertThat(page.locator(".alert-success")).hasText("您已安全退出");

			logIn(page, "admin");
			org.assertj.core.api.Assertions.assertThat(page.locator("nav.navbar").boundingBox().height)
				.as("the administrator's navigation bar fits one line at 1280 px").isLessThan(70);
			page.locator("#nav-admin").click();
			assertThat(page.locator("#nav-admin")).hasAttribute("aria-expanded", "true");
			page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
					new Page.GetByRoleOptions().setName("用户管理")).click();
			assertThat(page.locator("h1")).hasText("用户管理");
			assertThat(page.locator("#users")).containsText("putuo");
			assertThat(page.locator("#users")).containsText("pudong");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("users-admin.png")).setFullPage(true));
		}
	}

	@Test
	void homePageWorksAtPhoneWidth() throws Exception {
		try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
			.setViewportSize(360, 740).setLocale("zh-CN").setIsMobile(true).setHasTouch(true))) {
			Page page = context.newPage();
			logIn(page, "changzheng");
			assertThat(page.locator("#scope")).hasText("管辖范围：长征镇");
			Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
			org.assertj.core.api.Assertions.assertThat(overflow).as("horizontal scrolling at 360 px").isEqualTo(false);
			page.locator(".navbar-toggler").click();
			// the menu opens once the collapsed bar has finished unfolding
			assertThat(page.locator("#nav")).hasClass(java.util.regex.Pattern.compile("\\bshow\\b"));
			page.locator("#nav-organization").click();
			assertThat(page.locator("#nav-organization")).hasAttribute("aria-expanded", "true");
			assertThat(page.locator("#nav .dropdown-item", new Page.LocatorOptions().setHasText("执法人员"))).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("home-phone.png")).setFullPage(true));
		}
	}

	/**
	 * Issue 3's journey at phone width: a district officer searches for an enterprise, opens its file, corrects
	 * its address, and finds the change, in words, in the history tab.
	 */
	@Test
	void officerSearchesEditsAndSeesTheChangeInTheHistoryAtPhoneWidth() throws Exception {
		String marker = "旅程" + System.nanoTime() % 1_000_000;
		Enterprise workshop = SystemScope.call("test", () -> registry.register(
				TestEnterprises.smallWorkshop("310107", "310107102", "长征" + marker + "精密机械厂")));
		try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
			.setViewportSize(390, 844).setLocale("zh-CN").setIsMobile(true).setHasTouch(true))) {
			Page page = context.newPage();
			logIn(page, "putuo");
			page.locator(".navbar-toggler").click();
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("企业档案").setExact(true)).click();
			assertThat(page.locator("h1")).hasText("企业档案");

			page.locator("#q").fill(marker);
			page.locator("#search").click();
			assertThat(page.locator("#total")).hasText("共 1 家");
			assertThat(page.locator("#result-cards")).containsText(workshop.name());
			noHorizontalScrolling(page);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("enterprise-list-phone.png")).setFullPage(true));

			page.locator("#result-cards a").first().click();
			assertThat(page.locator("#enterprise-name")).containsText(workshop.name());
			assertThat(page.locator("#f-address")).hasText("上海市某路1号");
			noHorizontalScrolling(page);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("enterprise-file-phone.png")).setFullPage(true));

			page.locator("#edit").click();
			assertThat(page.locator("h1")).hasText("编辑企业档案");
			page.locator("#address").fill("上海市普陀区真北路1888号");
			noHorizontalScrolling(page);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("enterprise-edit-phone.png")).setFullPage(true));
			page.locator("#save").click();
			assertThat(page.locator("#done")).containsText("已保存企业档案");
			assertThat(page.locator("#f-address")).hasText("上海市普陀区真北路1888号");

			page.locator("#tab-history").click();
			assertThat(page.locator("#history .change").first()).containsText("修改档案");
			assertThat(page.locator("#history .change").first()).containsText("地址");
			assertThat(page.locator("#history .change").first()).containsText("上海市某路1号");
			assertThat(page.locator("#history .change").first()).containsText("上海市普陀区真北路1888号");
			assertThat(page.locator("#history .change").first()).containsText("刘洋（普陀区应急管理局执法大队）");
			noHorizontalScrolling(page);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("enterprise-history-phone.png")).setFullPage(true));

			page.locator("#tab-risk").click();
			assertThat(page.locator("#f-level")).hasText("街镇级");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("enterprise-risk-phone.png")).setFullPage(true));

			// a status act asks for confirmation first
			page.locator("#act-SUSPENDED").click();
			assertThat(page.locator("#confirm-SUSPENDED")).isVisible();
			assertThat(page.locator("#confirm-SUSPENDED .modal-body")).containsText("确认将“" + workshop.name() + "”登记为停业");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("enterprise-suspend-confirm-phone.png")));
			page.locator("#confirm-SUSPENDED-yes").click();
			assertThat(page.locator("#done")).hasText("已将“" + workshop.name() + "”登记为停业");
			assertThat(page.locator("#status")).hasText("停业");
		}
	}

	/** An enterprise's safety manager on a phone: the own file only, and the contact as the one thing to change. */
	@Test
	void enterpriseUserKeepsItsContactCurrentAtPhoneWidth() throws Exception {
		Enterprise own = SystemScope.call("test", () -> registry.register(
				TestEnterprises.smallWorkshop("310107", "310107103", "桃浦旅程" + System.nanoTime() % 1_000_000 + "五金厂")));
		String username = "qiye" + System.nanoTime() % 1_000_000;
		SystemScope.run("test", () -> {
			UserAccount account = UserAccount.open(username, "企业安全员", passwords.encode("anjian2026"),
					Set.of(Role.ENTERPRISE), JurisdictionScope.district("310107"), null);
			account.linkEnterprise(own.uscc());
			accounts.save(account);
		});
		try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
			.setViewportSize(390, 844).setLocale("zh-CN").setIsMobile(true).setHasTouch(true))) {
			Page page = context.newPage();
			logIn(page, username);
			page.navigate("http://localhost:" + port + "/enterprises");
			assertThat(page.locator("#enterprise-name")).containsText(own.name());
			assertThat(page.locator("#edit")).hasCount(0);
			assertThat(page.locator("#tab-history")).hasCount(0);
			page.locator("#edit-contact").click();
			page.locator("#safetyManagerPhone").fill("1380013");
			page.locator("#save").click();
			assertThat(page.locator("#error-safetyManagerPhone")).containsText("联系电话应为11位手机号");
			noHorizontalScrolling(page);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("enterprise-contact-error-phone.png")).setFullPage(true));
			page.locator("#safetyManager").fill("周七");
			page.locator("#safetyManagerPhone").fill("13800138000");
			page.locator("#save").click();
			assertThat(page.locator("#done")).hasText("已更新安全管理负责人及联系电话");
			assertThat(page.locator("#f-safetyManager")).hasText("周七");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("enterprise-own-file-phone.png")).setFullPage(true));
		}
	}

	/** The create form refuses a wrong check character beside the code and keeps what was typed. */
	@Test
	void createFormShowsTheExpectedCheckCharacterAtPhoneWidth() throws Exception {
		String code = TestEnterprises.code("310107");
		String wrong = code.substring(0, 17) + (code.charAt(17) == '1' ? '2' : '1');
		try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
			.setViewportSize(390, 844).setLocale("zh-CN").setIsMobile(true).setHasTouch(true))) {
			Page page = context.newPage();
			logIn(page, "putuo");
			page.navigate("http://localhost:" + port + "/enterprises/new");
			page.locator("#uscc").fill(wrong.toLowerCase());
			page.locator("#name").fill("上海旅程新建机械有限公司");
			page.locator("#streetCode").selectOption("310107102");
			page.locator("#sector").selectOption("INDUSTRY_TRADE");
			page.locator("#sectorSubtype").selectOption("MACHINERY");
			page.locator("#scale").selectOption("SMALL");
			page.locator("#save").click();
			assertThat(page.locator("#error-uscc")).containsText("第18位应为“" + code.charAt(17) + "”");
			assertThat(page.locator("#name")).hasValue("上海旅程新建机械有限公司");
			noHorizontalScrolling(page);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("enterprise-create-error-phone.png")));
		}
	}

	/** On a desktop the list is a table with every filter in view. */
	@Test
	void enterpriseListIsATableOnADesktop() throws Exception {
		String marker = "桌面" + System.nanoTime() % 1_000_000;
		Enterprise store = SystemScope.call("test", () -> registry.register(
				TestEnterprises.chemicalStore("310107", "310107103", "桃浦" + marker + "化工仓储有限公司")));
		try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
			.setViewportSize(1280, 800).setLocale("zh-CN"))) {
			Page page = context.newPage();
			logIn(page, "putuo");
			page.navigate("http://localhost:" + port + "/enterprises?sector=HAZCHEM&q=" + marker);
			assertThat(page.locator("#results")).isVisible();
			assertThat(page.locator("#results")).containsText(store.name());
			assertThat(page.locator("#tag")).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("enterprise-list-desktop.png")));
		}
	}

	/** Issue 4: an officer on a phone opens an enterprise's safety portrait and the grade dashboard. */
	@Test
	void officerReadsThePortraitAndTheDashboardAtPhoneWidth() throws Exception {
		String marker = "画像" + System.nanoTime() % 1_000_000;
		Enterprise store = SystemScope.call("test", () -> registry.register(
				TestEnterprises.chemicalStore("310107", "310107102", "长征" + marker + "化工仓储有限公司")));
		SystemScope.call("test", () -> intake.record(org.anjian.grading.RiskFact.accident(store.uscc(),
				java.time.LocalDate.now(clock).minusDays(20), org.anjian.grading.AccidentLevel.GENERAL, 1, 1, null)));
		try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
			.setViewportSize(390, 844).setLocale("zh-CN").setIsMobile(true).setHasTouch(true))) {
			Page page = context.newPage();
			logIn(page, "putuo");
			page.navigate("http://localhost:" + port + "/enterprises/" + store.uscc());
			page.locator("#tab-portrait").click();
			assertThat(page.locator("#grade")).containsText("A级");
			assertThat(page.locator("#breakdown")).containsText("行业领域：危险化学品");
			assertThat(page.locator("#breakdown")).containsText("一般事故");
			assertThat(page.locator("#outlook")).containsText("亡人事故");
			assertThat(page.locator("#history-chart canvas")).hasCount(1);
			noHorizontalScrolling(page);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("portrait-phone.png")).setFullPage(true));

			page.navigate("http://localhost:" + port + "/grading");
			assertThat(page.locator("#by-place")).containsText("长征镇"); // a district officer sees the streets and towns
			assertThat(page.locator("#distribution-chart canvas")).hasCount(1);
			noHorizontalScrolling(page);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("grading-dashboard-phone.png")).setFullPage(true));
		}
	}

	private static void noHorizontalScrolling(Page page) {
		Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
		org.assertj.core.api.Assertions.assertThat(overflow).as("horizontal scrolling at phone width on " + page.url())
			.isEqualTo(false);
	}

	/**
	 * Issue 5's journey: 普陀's officer opens the plan of 2091, composes, schedules and submits it; the leader
	 * approves it; the officer publishes it; then anyone, without login, finds its items on the public monthly list.
	 */
	@Test
	void aPlanIsComposedScheduledApprovedPublishedAndListedPublicly() throws Exception {
		String planUrl;
		String uscc;
		String month;
		try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
			.setViewportSize(1280, 800).setLocale("zh-CN"))) {
			Page page = context.newPage();
			logIn(page, "putuo");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("执法计划").setExact(true)).click();
			assertThat(page.locator("h1")).hasText("执法计划");
			page.locator("#new-plan").click();
			page.locator("#year").fill("2091");
			button(page, "新建").click();
			assertThat(page.locator("#status")).hasText("草稿");
			planUrl = page.url();
			// composing and scheduling run in the background: the page shows the run, then reloads with its outcome
			button(page, "编制").click();
			assertThat(page.locator(".work-done")).containsText("已编制",
					new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
			button(page, "排期").click();
			assertThat(page.locator(".work-done")).containsText("已排期",
					new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
			assertThat(page.locator("#items")).containsText("（主办）");
			String day = page.locator("#items tbody tr").first().locator("td").nth(3).innerText().trim();
			month = day.substring(0, 7);
			uscc = page.locator("#items tbody tr").first().locator("code").innerText().trim();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("plan-scheduled.png")).setFullPage(true));
			button(page, "提交").click();
			assertThat(page.locator("#status")).hasText("已提交");
			assertThat(page.locator("#acts button")).hasCount(0);
			page.locator("form[action='/logout'] button").click();

			logIn(page, "leader");
			page.navigate(planUrl);
			button(page, "批准").click();
			assertThat(page.locator("#status")).hasText("已批准");
			page.locator("form[action='/logout'] button").click();

			logIn(page, "putuo");
			page.navigate(planUrl);
			button(page, "发布").click();
			assertThat(page.locator("#status")).hasText("已发布");
			assertThat(page.locator("#done")).containsText("已发布");
		}
		try (BrowserContext anonymous = chromium.browser().newContext(new Browser.NewContextOptions()
			.setViewportSize(1280, 800).setLocale("zh-CN"))) {
			Page page = anonymous.newPage();
			page.navigate("http://localhost:" + port + "/p/plans?month=" + month);
			assertThat(page.locator("#title")).containsText("执法对象和执法事项");
			assertThat(page.locator("main")).containsText(uscc);
			assertThat(page.locator("main")).containsText("普陀区");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("public-monthly-list.png")).setFullPage(true));
		}
	}

	/**
	 * At phone size: a leader approves a task's on-site plan of 36 items; the officer records every item on the record
	 * page without a single reload — a tap saves a passed item, a failed one is first sent without its note and
	 * refused beside the item with 不合格 still chosen, then saved with what was found — confirms the finishing in
	 * the dialog that counts the items, and finds the finding among the hazards.
	 */
	@Test
	void aLeaderApprovesTheOnSitePlanAndTheOfficerRecordsEveryItemAtPhoneWidth() throws Exception {
		int planned = 36;
		long task = SystemScope.call("test", () -> {
			long putuo = jdbc.sql("select id from enforcement_body where jurisdiction_code = '310107'").query(Long.class)
				.single();
			jdbc.sql("""
					insert into checklist_item (code, module, risk_tag, matter, text, legal_basis, clause, major_hazard)
					values ('JOURNEY-GEN-1', 'GENERAL', null, null, '安全生产管理机构和人员配备', '《中华人民共和国安全生产法》', '第二十四条', false),
					       ('JOURNEY-TAG-1', 'TAG', 'CONFINED_SPACE', '有限空间作业安全', '有限空间作业审批和现场监护', '《工贸企业有限空间作业安全规定》', '第十四条', false)
					on conflict (code) do nothing""").update();
			String uscc = registry.register(TestEnterprises.smallWorkshop("310107", "310107005", "手机检查旅程测试机械厂")).uscc();
			long lead = jdbc.sql("select id from officer where name = '刘洋' and body_id = :b").param("b", putuo)
				.query(Long.class).single();
			long second = jdbc.sql("select id from officer where name = '孙丽' and body_id = :b").param("b", putuo)
				.query(Long.class).single();
			var opened = inspections.open(putuo, uscc, "有限空间专项督查", List.of("安全生产责任制落实", "有限空间作业安全"),
					java.time.LocalDate.now(), "putuo");
			inspections.assign(opened.id(), lead, second, null);
			onSitePlans.assemble(opened.id());
			planOf(opened.id(), planned);
			inspections.submitPlan(opened.id(), null);
			return opened.id();
		});
		try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
			.setViewportSize(390, 844).setLocale("zh-CN").setIsMobile(true).setHasTouch(true))) {
			Page page = context.newPage();
			logIn(page, "leader");
			page.navigate("http://localhost:" + port + "/inspections/" + task);
			assertThat(page.locator("#status")).hasText("检查方案待批准");
			button(page, "批准检查方案").click();
			assertThat(page.locator("#status")).hasText("检查方案已批准");
		}
		// the officer on another phone
		try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
			.setViewportSize(390, 844).setLocale("zh-CN").setIsMobile(true).setHasTouch(true))) {
			Page page = context.newPage();
			logIn(page, "putuo");
			page.navigate("http://localhost:" + port + "/inspections/" + task);
			page.locator("#record-link").click();
			assertThat(page.locator("#progress")).containsText("0 / " + planned + " 已记录");
			page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
			// from here to the finishing, the page must never load again: every navigation of its main frame is counted
			java.util.concurrent.atomic.AtomicInteger navigations = new java.util.concurrent.atomic.AtomicInteger();
			page.onFrameNavigated(frame -> {
				if (frame == page.mainFrame()) {
					navigations.incrementAndGet();
				}
			});
			page.evaluate("window.journeyMarker = 'same page'");
			assertThat(page.locator(".record-item")).hasCount(planned);

			var failed = page.locator(".record-item").first();
			String failedItem = failed.getAttribute("id").substring("item-".length());
			page.locator("label[for='o-" + failedItem + "-FAIL']").click();
			assertThat(failed.locator("textarea")).isFocused();
			failed.locator("button.save").click();
			assertThat(failed.locator(".item-error")).hasText("不合格项须写明发现的问题");
			assertThat(page.locator("#o-" + failedItem + "-FAIL")).isChecked();
			assertThat(page.locator("#progress")).containsText("0 / " + planned + " 已记录");
			failed.locator("textarea").fill("2号地下污水池作业无审批、无监护人");
			failed.locator("button.save").click();
			assertThat(failed.locator(".saved")).hasText("已保存：不合格");
			assertThat(failed.locator(".item-error")).hasCount(0);
			assertThat(failed).hasClass(java.util.regex.Pattern.compile("border-danger"));
			assertThat(page.locator("#progress")).containsText("1 / " + planned + " 已记录");
			for (int i = 1; i < planned; i++) {
				var card = page.locator(".record-item").nth(i);
				String item = card.getAttribute("id").substring("item-".length());
				String outcome = i == planned - 1 ? "NOT_APPLICABLE" : "PASS";
				page.locator("label[for='o-" + item + "-" + outcome + "']").click();
				assertThat(card.locator(".saved")).hasText(outcome.equals("PASS") ? "已保存：合格" : "已保存：不适用");
				assertThat(page.locator("#progress")).containsText((i + 1) + " / " + planned + " 已记录");
			}
			assertThat(page.locator("#progress")).containsText(planned + " / " + planned + " 已记录");
			assertThat(page.locator("#progress")).containsText("不合格 1 项");
			noHorizontalScrolling(page);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("inspection-record-phone.png")).setFullPage(true));
			page.locator("#finish").click();
			assertThat(page.locator("#finish-confirm")).isVisible();
			assertThat(page.locator("#finish-question")).hasText("共 " + planned
					+ " 项，其中不合格 1 项。完成后记录不能再修改，不合格项将作为隐患责令企业整改。");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("inspection-finish-confirm-phone.png"))
				.setAnimations(com.microsoft.playwright.options.ScreenshotAnimations.DISABLED));
			org.assertj.core.api.Assertions.assertThat(navigations.get()).as("page loads while recording").isZero();
			org.assertj.core.api.Assertions.assertThat(page.evaluate("window.journeyMarker")).isEqualTo("same page");
			page.locator("#finish-confirmed").click();
			assertThat(page.locator("#status")).hasText("已完成");
			assertThat(page.locator("#hazards")).containsText("2号地下污水池作业无审批、无监护人");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("inspection-finished-phone.png")).setFullPage(true));
			// the record downloads as a PDF whose text names the enterprise and the finding
			// (served inline for the phone's viewer: fetched here with the page's session)
			var response = page.request().get("http://localhost:" + port + page.locator("#record-pdf").getAttribute("href"));
			org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(200);
			org.assertj.core.api.Assertions.assertThat(response.headers().get("content-type")).startsWith("application/pdf");
			Path pdf = Chromium.screenshot("inspection-record.pdf");
			Files.write(pdf, response.body());
			Process pdftotext = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true)
				.start();
			String text = new String(pdftotext.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			org.assertj.core.api.Assertions.assertThat(pdftotext.waitFor()).isZero();
			// (a long finding wraps inside its table cell)
			org.assertj.core.api.Assertions.assertThat(text.replaceAll("\\s+", ""))
				.contains("手机检查旅程测试机械厂", "2号地下污水池作业无审批、无监护人");
		}
	}

	/** Makes the open task's on-site plan hold exactly {@code items} items, adding active items of the library. */
	private void planOf(long task, int items) {
		List<Long> plan = jdbc.sql("select checklist_item_id from inspection_plan_item where task_id = :t order by position")
			.param("t", task).query(Long.class).list();
		plan.stream().skip(items).forEach(item -> onSitePlans.remove(task, item));
		jdbc.sql("""
				select id from checklist_item c where c.active
				and not exists (select 1 from inspection_plan_item p where p.task_id = :t and p.checklist_item_id = c.id)
				order by c.id limit :n""").param("t", task).param("n", Math.max(0, items - plan.size()))
			.query(Long.class).list().forEach(item -> onSitePlans.add(task, item));
		org.assertj.core.api.Assertions.assertThat(onSitePlans.items(task)).hasSize(items);
	}

	/**
	 * Issue 7's closure in two browsers: the enterprise's safety manager opens its hazard, is refused a text file
	 * passed off as a photo, reports the rectification with a real photo; the district officer opens the hazard,
	 * sees the photo and verifies it closed (复查销号).
	 */
	@Test
	void theEnterpriseReportsItsRectificationWithAPhotoAndTheOfficerVerifiesTheHazardClosed() throws Exception {
		String marker = "隐患旅程" + System.nanoTime() % 1_000_000;
		Enterprise own = SystemScope.call("test", () -> registry.register(
				TestEnterprises.smallWorkshop("310107", "310107005", marker + "机械厂")));
		long hazard = SystemScope.call("test", () -> jdbc.sql("""
				insert into hazard (district_code, street_code, uscc, description, legal_basis, major, status, found_at)
				values ('310107', '310107005', :uscc, :description, '《中华人民共和国安全生产法》第三十六条', true, 'FOUND', now())
				returning id""").param("uscc", own.uscc()).param("description", marker + "：冲床双手按钮失效").query(Long.class)
			.single());
		SystemScope.run("test", () -> rectification.orderRectification(hazard, rectification.today().plusDays(7), null));
		String username = "qiye" + System.nanoTime() % 1_000_000;
		SystemScope.run("test", () -> {
			UserAccount account = UserAccount.open(username, "企业安全员", passwords.encode("anjian2026"),
					Set.of(Role.ENTERPRISE), JurisdictionScope.district("310107"), null);
			account.linkEnterprise(own.uscc());
			accounts.save(account);
		});
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0x00FF00);
		java.io.ByteArrayOutputStream photo = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", photo);

		try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
			Page page = context.newPage();
			logIn(page, username);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("我的隐患").setExact(true)).click();
			assertThat(page.locator("h1")).hasText("我的隐患");
			page.getByText(marker + "：冲床双手按钮失效").click();
			assertThat(page.locator("#status")).hasText("整改中");
			assertThat(page.locator("#deadline")).containsText("剩余 7 天");
			page.locator("#note").fill("已更换双手按钮并经设备厂家调试合格");
			page.locator("#files-input").setInputFiles(new com.microsoft.playwright.options.FilePayload("按钮.png",
					"image/png", "不是照片".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			page.locator("#submit-report").click();
			assertThat(page.locator("#refused")).hasText("文件“按钮.png”不是 JPEG、PNG 照片或 PDF 文件，请转换格式后再上传");
			assertThat(page.locator("#status")).hasText("整改中");
			page.locator("#note").fill("已更换双手按钮并经设备厂家调试合格");
			page.locator("#files-input").setInputFiles(new com.microsoft.playwright.options.FilePayload("整改后.png",
					"image/png", photo.toByteArray()));
			page.locator("#submit-report").click();
			assertThat(page.locator("#done")).hasText("已提交整改情况，等待执法人员复查");
			assertThat(page.locator("#status")).hasText("待复查");
			assertThat(page.locator("#files")).containsText("整改后.png");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("hazard-enterprise-report.png")).setFullPage(true));
		}
		try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
			Page page = context.newPage();
			logIn(page, "putuo");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("隐患治理").setExact(true)).click();
			page.locator("input[name=enterprise]").fill(own.name());
			button(page, "筛选").click();
			page.getByText(marker + "：冲床双手按钮失效").click();
			assertThat(page.locator("#status")).hasText("待复查");
			assertThat(page.locator("#rectification-note")).containsText("已更换双手按钮并经设备厂家调试合格");
			assertThat(page.locator("#files")).containsText("整改后.png");
			assertThat(page.locator("#listing-link")).isVisible();
			var file = page.request().get("http://localhost:" + port
					+ page.locator("#files a").first().getAttribute("href"));
			org.assertj.core.api.Assertions.assertThat(file.body()).isEqualTo(photo.toByteArray());
			page.locator("#verify-note").fill("现场复查，双手按钮有效");
			button(page, "复查销号").click();
			assertThat(page.locator("#done")).hasText("复查合格，隐患已销号");
			assertThat(page.locator("#status")).hasText("已销号");
			assertThat(page.locator("#history")).containsText("复查合格，销号");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("hazard-verified.png")).setFullPage(true));
		}
	}

	private static com.microsoft.playwright.Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private void logIn(Page page, String username) {
		Chromium.logIn(page, port, username);
	}

}
