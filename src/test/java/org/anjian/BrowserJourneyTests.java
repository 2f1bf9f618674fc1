package org.anjian;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Real Chromium (Debian's {@code chromium} on the PATH) against the running application: a district officer logs
 * in and sees the Chinese home page of their district; the administrator opens the users page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserJourneyTests {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static Playwright playwright;
	static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launchChromium() {
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
			.setExecutablePath(chromium())
			.setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync")));
	}

	@AfterAll
	static void closeChromium() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@Test
	void districtOfficerSeesChineseHomeThenAdministratorOpensUsers() throws Exception {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
			Page page = context.newPage();
			logIn(page, "putuo");
			assertThat(page).hasTitle("工作台 · 安监");
			assertThat(page.locator("h1")).containsText("您好，刘洋");
			assertThat(page.locator("#scope")).hasText("管辖范围：普陀区");
			assertThat(page.locator("#figure-officers .display-6")).hasText("6");
			assertThat(page.getByText("用户管理")).hasCount(0);
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("home-putuo.png")).setFullPage(true));
			page.locator("form[action='/logout'] button").click();
			assertThat(page.locator(".alert-success")).hasText("您已安全退出");

			logIn(page, "admin");
			page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
					new Page.GetByRoleOptions().setName("用户管理")).click();
			assertThat(page.locator("h1")).hasText("用户管理");
			assertThat(page.locator("#users")).containsText("putuo");
			assertThat(page.locator("#users")).containsText("pudong");
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("users-admin.png")).setFullPage(true));
		}
	}

	@Test
	void homePageWorksAtPhoneWidth() throws Exception {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
			.setViewportSize(360, 740).setLocale("zh-CN").setIsMobile(true).setHasTouch(true))) {
			Page page = context.newPage();
			logIn(page, "changzheng");
			assertThat(page.locator("#scope")).hasText("管辖范围：长征镇");
			Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
			org.assertj.core.api.Assertions.assertThat(overflow).as("horizontal scrolling at 360 px").isEqualTo(false);
			page.locator(".navbar-toggler").click();
			assertThat(page.getByText("执法人员").first()).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("home-phone.png")).setFullPage(true));
		}
	}

	private void logIn(Page page, String username) {
		page.navigate("http://localhost:" + port + "/login");
		assertThat(page.locator("h1")).hasText("安监");
		page.locator("#username").fill(username);
		page.locator("#password").fill("anjian2026");
		page.locator("button[type=submit]").click();
		page.waitForURL("http://localhost:" + port + "/");
	}

	private static Path screenshot(String name) throws Exception {
		Files.createDirectories(SCREENSHOTS);
		return SCREENSHOTS.resolve(name);
	}

	/** Debian's chromium, found on the PATH as the project's CI installs it. */
	private static Path chromium() {
		return Stream.of(System.getenv("PATH").split(":"))
			.map(dir -> Path.of(dir, "chromium"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("chromium not found on PATH: run .ci/run or apt-get install chromium"));
	}
}
