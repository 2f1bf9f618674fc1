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

/**
 * Debian's chromium (found on the PATH) driven by Playwright, as the browser journeys launch it, and logging in as a
 * demo user. For journey classes written since; the older ones keep their own copies until they are next touched.
 */
public final class Chromium implements AutoCloseable {

	private final Playwright playwright;
	private final Browser browser;

	private Chromium(Playwright playwright, Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	public static Chromium launch() {
		Playwright playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
			.setExecutablePath(executable())
			.setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync")));
		return new Chromium(playwright, browser);
	}

	public Browser browser() {
		return browser;
	}

	/** Logs the page in as a demo user (password {@code anjian2026}) and waits for the home page. */
	public static void logIn(Page page, int port, String username) {
		page.navigate("http://localhost:" + port + "/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill("anjian2026");
		page.locator("button[type=submit]").click();
		page.waitForURL("http://localhost:" + port + "/");
	}

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

	private static Path executable() {
		return Stream.of(System.getenv("PATH").split(":"))
			.map(dir -> Path.of(dir, "chromium"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("chromium not found on PATH: run .ci/run or apt-get install chromium"));
	}
}
