package org.anjian.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.anjian.Acting;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every entry of every role's navigation opens (200; an enterprise's "our file" after its redirect to the file): none
 * leads to a refusal. A page a role may not open, reached anyway, keeps the layout — the navigation and the person's
 * name — and says in Chinese which roles the page is for and which the person has; scripts still get problem details.
 * (A page refused by the address rules of the security configuration is forwarded to the error page, which MockMvc
 * does not follow: {@code HomeJourneyTests} opens one in the browser.)
 */
@SpringBootTest
@AutoConfigureMockMvc
class NavigationTests {

	/** The demo's accounts, one or more of every role (README). */
	static final List<String> USERS = List.of("admin", "city", "putuo", "changzheng", "leader", "legal", "putuo-qiye");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	RequestPostProcessor as(String username) {
		return user(Acting.asSystem(() -> users.loadUserByUsername(username)));
	}

	MockHttpServletResponse open(String username, String path) throws Exception {
		return mvc.perform(get(path).with(as(username))).andReturn().getResponse();
	}

	@Test
	void everyEntryOfEveryRolesNavigationOpens() throws Exception {
		List<String> refused = new ArrayList<>();
		for (String username : USERS) {
			Document home = Jsoup.parse(open(username, "/").getContentAsString(StandardCharsets.UTF_8));
			Set<String> links = new LinkedHashSet<>();
			home.select("nav.navbar a[href]").forEach(a -> links.add(a.attr("href")));
			links.removeIf(href -> !href.startsWith("/"));
			assertThat(links).as(username + "'s navigation").hasSizeGreaterThanOrEqualTo(4);
			for (String link : links) {
				MockHttpServletResponse page = open(username, link);
				if (page.getStatus() == 302 && page.getRedirectedUrl() != null && page.getRedirectedUrl().startsWith("/")) {
					page = open(username, page.getRedirectedUrl());
				}
				if (page.getStatus() != 200) {
					refused.add(username + " " + link + " → " + page.getStatus());
				}
			}
		}
		assertThat(refused).as("navigation entries that do not open").isEmpty();
	}

	@Test
	void aPageRefusedByItsRolesKeepsTheLayoutAndSaysWhoItIsFor() throws Exception {
		MockHttpServletResponse plans = open("legal", "/plans");
		assertThat(plans.getStatus()).isEqualTo(403);
		Document page = Jsoup.parse(plans.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("nav.navbar #nav a[href=/]")).as("the navigation").isNotEmpty();
		assertThat(page.selectFirst("nav.navbar .navbar-text").text()).contains("黄晓燕");
		assertThat(page.selectFirst("#error-detail").text())
			.isEqualTo("该页面供领导、市级执法人员、区级执法人员、街镇执法人员使用，您的账号是法制审核，不能打开。");
		assertThat(page.selectFirst("h1").text()).contains("403", "禁止访问");
	}

	@Test
	void aRefusalInTheApplicationsOwnWordsAndOtherFailuresKeepTheLayoutAndTheirWords() throws Exception {
		MockHttpServletResponse missing = open("putuo", "/hazards/999999999");
		assertThat(missing.getStatus()).isEqualTo(404);
		Document page = Jsoup.parse(missing.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.selectFirst("nav.navbar .navbar-text").text()).contains("刘洋");
		assertThat(page.selectFirst("#error-detail").text()).isEqualTo("隐患 999999999 不存在或不在您的管辖范围内");

		MockHttpServletResponse remote = mvc.perform(post("/inspections/remote").with(as("leader")).with(csrf())
			.param("uscc", "91310107MA1G8XXXXX").param("reason", "测试")).andReturn().getResponse();
		assertThat(remote.getStatus()).isEqualTo(403);
		assertThat(Jsoup.parse(remote.getContentAsString(StandardCharsets.UTF_8)).selectFirst("#error-detail").text())
			.isEqualTo("只有执法主体的执法人员可以开启非现场检查");
	}

	@Test
	void anonymousVisitorsAndScriptsGetWhatTheyGotBefore() throws Exception {
		MockHttpServletResponse unknown = mvc.perform(get("/p/ic/" + "x".repeat(43))).andReturn().getResponse();
		assertThat(unknown.getStatus()).isEqualTo(404);
		Document page = Jsoup.parse(unknown.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.selectFirst("#error-detail").text()).isEqualTo("您访问的地址不存在");
		assertThat(page.select("nav.navbar")).as("nobody to show a navigation to").isEmpty();

		MockHttpServletResponse api = open("legal", "/api/plans");
		assertThat(api.getStatus()).isEqualTo(403);
		assertThat(api.getContentType()).startsWith("application/problem+json");
		assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("禁止访问");
	}
}
