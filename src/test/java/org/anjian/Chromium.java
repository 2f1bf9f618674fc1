package org.anjian;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's chromium (found on the PATH, as the project's CI installs it) driven by Playwright, headless and without
 * the browser's own network traffic: the one way a browser test starts its browser. Close the Playwright when done.
 */
public final class Chromium {

	private Chromium() {
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

	static Path executable() {
		return Stream.of(System.getenv("PATH").split(":"))
			.map(dir -> Path.of(dir, "chromium"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("chromium not found on PATH: run .ci/run or apt-get install chromium"));
	}
}
