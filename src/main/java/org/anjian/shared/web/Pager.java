package org.anjian.shared.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.shared.ResultPage;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The compact pager under every long list (first, previous, a window of pages, next, last), with links that keep the
 * list's filters: the current request's address with only its {@code page} parameter changed (and without the
 * background run a page was showing, whose outcome was told once).
 */
public record Pager(ResultPage<?> page, String link) {

	static final int RADIUS = 2;

	public static Pager of(ResultPage<?> page, HttpServletRequest request) {
		String link = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
			.replaceQueryParam("page").replaceQueryParam(BackgroundActs.SHOWN_RUN).build().toUriString();
		return new Pager(page, link);
	}

	/** The address of page {@code n} of the same list. */
	public String url(int n) {
		return link + (link.contains("?") ? "&" : "?") + "page=" + n;
	}

	public List<Integer> window() {
		return page.window(RADIUS);
	}

	/** Worth showing: more than one page, or a page past the first. */
	public boolean needed() {
		return page.pages() > 1 || page.number() > 1 || page.hasNext();
	}
}
