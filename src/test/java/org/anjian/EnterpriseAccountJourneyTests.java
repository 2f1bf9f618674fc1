package org.anjian;

import java.time.Clock;
import java.time.LocalDate;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import org.anjian.enterprise.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue 13's enterprise half of the hazard loop, in real Chromium and through the pages only (no SQL, no Java API
 * call): 普陀's officer registers an enterprise, inspects it and finds a hazard, and orders its rectification; the
 * administrator opens the enterprise's user and links it to the enterprise found by name; that user logs in, finds
 * the hazard with its deadline among its own, and reports the rectification with a photo. And at phone width, the
 * supervising officer opens an account from the enterprise's file, whose user logs in with the one-time password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnterpriseAccountJourneyTests {

	@RegisterExtension
	static final Chromium.PerClass chromium = new Chromium.PerClass();

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Test
	void theEnterpriseUserTheAdministratorLinkedReportsTheRectificationOfTheHazardTheOfficerFound() throws Exception {
		String marker = "账号旅程" + System.nanoTime() % 1_000_000;
		String enterprise = "桃浦" + marker + "机械厂";
		String finding = marker + "：砂轮机防护罩缺失";
		String username = "qiye" + System.nanoTime() % 1_000_000;
		String password = "qiye-pass-" + System.nanoTime() % 1_000;
		String uscc;
		String deadline;

		// 普陀's officer registers the enterprise, inspects it, finds the hazard and orders its rectification
		try (BrowserContext context = desktop()) {
			Page page = context.newPage();
			logIn(page, "putuo", "anjian2026");
			uscc = register(page, enterprise);
			long task = openInspection(page, uscc);
			logOut(page);

			logIn(page, "leader", "anjian2026");
			page.navigate(url("/inspections/" + task));
			button(page, "批准检查方案").click();
			assertThat(page.locator("#status")).hasText("检查方案已批准");
			logOut(page);

			logIn(page, "putuo", "anjian2026");
			page.navigate(url("/inspections/" + task));
			recordWithOneFailure(page, finding);
			page.locator("#finish").click();
			page.locator("#finish-confirmed").click();
			assertThat(page.locator("#status")).hasText("已完成");
			assertThat(page.locator("#hazards")).containsText(finding);
			page.locator("#hazards a", new Page.LocatorOptions().setHasText(finding)).click();
			assertThat(page.locator("#deadline")).isVisible();
			if (page.locator("#order").count() > 0) {
				String day = LocalDate.now(clock).plusDays(14).toString();
				page.locator("#order-deadline").fill(day);
				button(page, "责令限期整改").click();
				assertThat(page.locator("#done")).containsText("已责令限期整改，整改期限 " + day);
			}
			assertThat(page.locator("#status")).hasText("整改中");
			java.util.regex.Matcher day = Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(page.locator("#deadline").innerText());
			org.assertj.core.api.Assertions.assertThat(day.find()).as("the hazard's deadline").isTrue();
			deadline = day.group();
		}

		// the administrator opens the enterprise's user, linked to the enterprise found by its name
		try (BrowserContext context = desktop()) {
			Page page = context.newPage();
			logIn(page, "admin", "anjian2026");
			page.navigate(url("/admin/users"));
			page.locator("#new-user").click();
			page.locator("#username").fill(username);
			page.locator("#displayName").fill("柏青");
			page.locator("label[for='role-ENTERPRISE']").click();
			page.locator("#password").fill(password);
			page.locator("#save").click();
			// without its enterprise the form is refused beside the field and keeps what was typed
			assertThat(page.locator("#error-enterpriseUscc")).containsText("企业用户须关联所属企业");
			assertThat(page.locator("#username")).hasValue(username);
			assertThat(page.locator("#displayName")).hasValue("柏青");
			assertThat(page.locator("#role-ENTERPRISE")).isChecked();
			// the search answers through htmx: typing before the page's scripts have run would go unheard
			page.waitForLoadState(LoadState.LOAD);
			page.locator("#enterprise-q").fill(marker);
			Locator option = page.locator("#enterprise-results label[for='enterprise-" + uscc + "']");
			assertThat(option).containsText(enterprise);
			assertThat(option).containsText(uscc);
			option.click();
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("account-enterprise-chosen.png")).setFullPage(true));
			page.locator("#password").fill(password);
			page.locator("#save").click();
			assertThat(page.locator("#flash")).hasText("已创建用户 柏青");
			assertThat(page.locator("#user-" + username)).containsText(enterprise);
		}

		// the enterprise's user finds its hazard with the deadline and reports the rectification with a photo
		try (BrowserContext context = desktop()) {
			Page page = context.newPage();
			logIn(page, username, password);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("我的隐患").setExact(true)).click();
			Locator hazard = page.locator("#hazards a", new Page.LocatorOptions().setHasText(finding));
			assertThat(hazard).containsText(Pattern.compile("整改期限 " + day(deadline)));
			hazard.click();
			assertThat(page.locator("#status")).hasText("整改中");
			assertThat(page.locator("#deadline")).containsText(Pattern.compile(day(deadline)));
			page.locator("#note").fill("已加装砂轮机防护罩并组织班组复训");
			page.locator("#files-input").setInputFiles(new FilePayload("整改后.png", "image/png", photo()));
			page.locator("#submit-report").click();
			assertThat(page.locator("#done")).hasText("已提交整改情况，等待执法人员复查");
			assertThat(page.locator("#status")).hasText("待复查");
			assertThat(page.locator("#files")).containsText("整改后.png");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("account-enterprise-reported.png")).setFullPage(true));

			// its own file only
			page.navigate(url("/enterprises"));
			assertThat(page.locator("#enterprise-name")).containsText(enterprise);
			assertThat(page.locator("#enterprise-accounts")).hasCount(0);
		}
	}

	@Test
	void theSupervisingOfficerOpensAnAccountFromTheFileAndItsUserLogsInWithTheOneTimePasswordAtPhoneWidth()
			throws Exception {
		String enterprise = "长征账号" + System.nanoTime() % 1_000_000 + "五金厂";
		String username = "qiye" + System.nanoTime() % 1_000_000;
		String password;
		try (BrowserContext context = phone()) {
			Page page = context.newPage();
			logIn(page, "putuo", "anjian2026");
			register(page, enterprise);
			page.locator("#enterprise-accounts").click();
			assertThat(page.locator("h1")).hasText("企业账号");
			assertThat(page.locator("#no-users")).isVisible();
			page.locator("#username").fill(username);
			// the form bounds the name as the server does; a user name taken is refused beside it, keeping the name
			page.locator("#displayName").fill("名".repeat(41));
			assertThat(page.locator("#displayName")).hasValue("名".repeat(40));
			page.locator("#username").fill("pudong");
			page.locator("#displayName").fill("夏雨");
			page.locator("#open").click();
			assertThat(page.locator("#error-username")).containsText("用户名 pudong 已被使用");
			assertThat(page.locator("#displayName")).hasValue("夏雨");
			page.locator("#username").fill(username);
			page.locator("#open").click();
			assertThat(page.locator("#done")).containsText("已为 夏雨 开设账号");
			assertThat(page.locator("#new-username")).hasText(username);
			password = page.locator("#new-password").innerText().trim();
			assertThat(page.locator("#users")).containsText("夏雨");
			noHorizontalScrolling(page);
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("enterprise-accounts-phone.png")).setFullPage(true));
			page.reload();
			assertThat(page.locator("#new-password")).hasCount(0);
		}
		try (BrowserContext context = phone()) {
			Page page = context.newPage();
			logIn(page, username, password);
			page.navigate(url("/enterprises"));
			assertThat(page.locator("#enterprise-name")).containsText(enterprise);
			assertThat(page.locator("#edit")).hasCount(0);
		}
	}

	/** A day as a pattern that any of the pages' formats matches (2027-03-07 or 2027/3/7). */
	private static String day(String isoDay) {
		LocalDate d = LocalDate.parse(isoDay);
		return d.getYear() + "[-/]0?" + d.getMonthValue() + "[-/]0?" + d.getDayOfMonth() + "(?!\\d)";
	}

	// ---- steps through the pages

	/** Registers a small workshop of 普陀 through the create form; its credit code. */
	private String register(Page page, String name) {
		String uscc = TestEnterprises.code("310107");
		page.navigate(url("/enterprises/new"));
		page.locator("#uscc").fill(uscc);
		page.locator("#name").fill(name);
		page.locator("#streetCode").selectOption("310107005");
		page.locator("#sector").selectOption("INDUSTRY_TRADE");
		page.locator("#sectorSubtype").selectOption("MACHINERY");
		page.locator("#scale").selectOption("SMALL");
		page.locator("#save").click();
		assertThat(page.locator("#enterprise-name")).containsText(name);
		return uscc;
	}

	/** Opens a task by hand for the enterprise, names its officers, assembles and submits its plan; its number. */
	private long openInspection(Page page, String uscc) {
		page.navigate(url("/inspections"));
		page.locator("#open-by-hand summary").click();
		page.locator("#open-by-hand input[name=uscc]").fill(uscc);
		page.locator("#open-by-hand input[name=day]").fill(LocalDate.now(clock).toString());
		page.locator("#open-by-hand input[name=reason]").fill("群众反映砂轮机无防护");
		page.locator("#open-by-hand input[name=matters]").fill("安全生产责任制落实");
		page.locator("#open-by-hand button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/inspections/\\d+$"));
		long task = Long.parseLong(page.url().replaceAll(".*/inspections/", ""));
		page.locator("#leadOfficerId").selectOption(new SelectOption().setLabel("刘洋（31010700201）"));
		page.locator("#secondOfficerId").selectOption(new SelectOption().setLabel("孙丽（31010700203）"));
		button(page, "指定执法人员").click();
		assertThat(page.locator("#officers")).containsText("孙丽");
		button(page, "编制检查方案").click();
		assertThat(page.locator("#plan-items li").first()).isVisible();
		button(page, "提交检查方案").click();
		assertThat(page.locator("#status")).hasText("检查方案待批准");
		return task;
	}

	/** Records every item of the plan as passed, but the last, failed with what was found (the page finishes it). */
	private void recordWithOneFailure(Page page, String finding) {
		page.locator("#record-link").click();
		assertThat(page.locator("#progress")).containsText("已记录");
		java.util.regex.Matcher total = Pattern.compile("/ (\\d+) 已记录").matcher(page.locator("#progress").innerText());
		org.assertj.core.api.Assertions.assertThat(total.find()).isTrue();
		int items = Integer.parseInt(total.group(1));
		assertThat(page.locator(".record-item")).hasCount(items);
		for (int i = 0; i < items; i++) {
			Locator card = page.locator(".record-item").nth(i);
			String item = card.getAttribute("id").substring("item-".length());
			// a tap on 合格 saves it; 不合格 opens the note, saved with it
			if (i == items - 1) {
				page.locator("label[for='o-" + item + "-FAIL']").click();
				card.locator("textarea").fill(finding);
				card.locator("button.save").click();
			}
			else {
				page.locator("label[for='o-" + item + "-PASS']").click();
			}
			assertThat(card.locator(".saved")).hasText(i == items - 1 ? "已保存：不合格" : "已保存：合格");
		}
	}

	private BrowserContext desktop() {
		return chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("zh-CN"));
	}

	private BrowserContext phone() {
		return chromium.browser().newContext(new Browser.NewContextOptions()
			.setViewportSize(390, 844).setLocale("zh-CN").setIsMobile(true).setHasTouch(true));
	}

	private void logIn(Page page, String username, String password) {
		page.navigate(url("/login"));
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("button[type=submit]").click();
		page.waitForURL(url("/"));
	}

	private static void logOut(Page page) {
		page.locator("form[action='/logout'] button").click();
		assertThat(page.locator(".alert-success")).hasText("您已安全退出");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private static void noHorizontalScrolling(Page page) {
		Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
		org.assertj.core.api.Assertions.assertThat(overflow).as("horizontal scrolling at phone width on " + page.url())
			.isEqualTo(false);
	}

	/** A small real PNG, as a phone's camera would send a photo. */
	private static byte[] photo() throws Exception {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0x00FF00);
		java.io.ByteArrayOutputStream photo = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", photo);
		return photo.toByteArray();
	}

}
