package org.anjian.shared.work;

import java.time.Duration;

import org.anjian.Acting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A run a page started in the background, as the tests follow it: named by the page's address, waited for. */
public final class Runs {

	private Runs() {
	}

	/** The run a page's act started, from the address it sent the browser to ({@code …?work={id}}). */
	public static long started(String redirectedUrl, String page) {
		assertThat(redirectedUrl).startsWith(page + "?work=");
		return Long.parseLong(redirectedUrl.substring(redirectedUrl.indexOf("work=") + 5));
	}

	/** The run once it has ended, as the person who started it sees it. */
	public static Work ended(BackgroundWork works, String username, long run) {
		await().atMost(Duration.ofSeconds(120)).until(() -> !Acting.as(username, () -> works.find(run)).running());
		return Acting.as(username, () -> works.find(run));
	}
}
