package org.anjian.shared.web;

import java.util.List;

import org.anjian.shared.ResultPage;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The pager's links keep a list's filters and change its page only. */
class PagerTests {

	@Test
	void aPagesLinksKeepTheFiltersButNotThePageNorTheBackgroundRunItWasShowing() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/plans/7");
		request.setQueryString("kind=GENERAL&page=2&work=15");
		Pager pager = Pager.of(ResultPage.of(List.of("a"), 2, 20, 95), request);
		assertThat(pager.link()).isEqualTo("/plans/7?kind=GENERAL");
		assertThat(pager.url(3)).isEqualTo("/plans/7?kind=GENERAL&page=3");
	}
}
