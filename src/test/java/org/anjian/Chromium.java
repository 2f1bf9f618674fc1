package org.anjian;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's {@code chromium} (found on the PATH, as the project's CI installs it) driven by Playwright, headless, without
 * the browser's own network traffic and working as root without a sandbox: the one way a browser test starts its
 * browser, and logs in as a demo user.
 */
public final class Chromium implements AutoCloseable {

	private final Playwright playwright;
	private final Browser browser;

	private Chromium(Playwright playwright, Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	/** A Playwright and its browser, closed together. */
	public static Chromium launch() {
		Playwright playwright = playwright();
		return new Chromium(playwright, launch(playwright));
	}

	public Browser browser() {
		return browser;
	}

	/** A Playwright that downloads no browser of its own. */
	public static Playwright playwright() {
		return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	public static Browser launch(Playwright playwright) {
		return playwright.chromium().launch(new BrowserType.LaunchOptions()
			.setExecutablePath(executable())
			.setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync")));
	}

	/** Logs the page in as a demo user (the demo password) and waits for the home page. */
	public static void logIn(Page page, int port, String username) {
		page.navigate("http://localhost:" + port + "/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill(org.anjian.shared.database.DemoMode.PASSWORD);
		page.locator("button[type=submit]").click();
		page.waitForURL("http://localhost:" + port + "/");
	}

	/** Where a journey keeps a screenshot of what it saw ({@code target/screenshots}). */
	public static Path screenshot(String name) throws Exception {
		Path screenshots = Path.of("target", "screenshots");
		Files.createDirectories(screenshots);
		return screenshots.resolve(name);
	}

	@Override
	public void close() {
		browser.close();
		playwright.close();
	}

	static Path executable() {
		return Stream.of(System.getenv("PATH").split(":"))
			.map(dir -> Path.of(dir, "chromium"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("chromium not found on PATH: run .ci/run or apt-get install chromium"));
	}

	/**
	 * One browser for a test class, launched before its first test and closed after its last:
	 * {@code @RegisterExtension static final Chromium.PerClass chromium = new Chromium.PerClass();}.
	 */
	public static final class PerClass implements BeforeAllCallback, AfterAllCallback {

		private Chromium chromium;

		@Override
		public void beforeAll(ExtensionContext context) {
			chromium = launch();
		}

		@Override
		public void afterAll(ExtensionContext context) {
			if (chromium != null) {
				chromium.close();
			}
		}

		public Browser browser() {
			return chromium.browser();
		}
	}
}
