package org.anjian.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.anjian.Acting;
import org.anjian.TodoFixtures;
import org.anjian.hazard.Hazard;
import org.anjian.inspection.InspectionTask;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.anjian.TodoFixtures.PUTUO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Each role's home page lists what waits for that role, each entry with its count, its detail and its link, the
 * urgent first; the navigation's badge counts the same; a role with nothing of a kind is not shown that kind; the
 * English page says it in English. And the navigation offers each role what it may open: nothing that refuses it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HomePagesTests {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	TodoFixtures fixtures;

	@Autowired
	org.anjian.trigger.internal.AlarmSources sources;

	RequestPostProcessor as(String username) {
		return user(Acting.asSystem(() -> users.loadUserByUsername(username)));
	}

	Document page(String username, String path, Locale locale) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).with(as(username)).locale(locale)).andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(username + " " + path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	Document home(String username) throws Exception {
		return page(username, "/", Locale.SIMPLIFIED_CHINESE);
	}

	static Element entry(Document home, String key) {
		return home.selectFirst("#todos a[data-todo=" + key + "]");
	}

	@Test
	void eachRolesHomeListsWhatWaitsForItWithCountsDetailsAndLinks() throws Exception {
		String uscc = fixtures.enterprise(PUTUO, "首页待办企业");
		InspectionTask finished = fixtures.finished(PUTUO, uscc, 2);
		List<Hazard> hazards = fixtures.hazards(finished.id());
		fixtures.rectified(hazards.get(0).id());
		fixtures.submitted(PUTUO, fixtures.enterprise(PUTUO, "首页待批方案"));
		Acting.as("admin", () -> sources.register("首页待办监测源" + SEQUENCE.incrementAndGet(), null, "admin"));
		String enterpriseUser = fixtures.enterpriseUser(uscc);

		Document leader = home("leader");
		assertThat(entry(leader, "todo.inspection.plansToApprove")).isNotNull();
		assertThat(entry(leader, "todo.inspection.plansToApprove").text()).contains("现场检查方案待批准");
		assertThat(entry(leader, "todo.hazard.submitted")).as("a leader re-inspects nothing").isNull();

		Document officer = home("putuo");
		Element submitted = entry(officer, "todo.hazard.submitted");
		assertThat(submitted.text()).contains("隐患待复查", "最早一项");
		assertThat(submitted.attr("href")).isIn("/hazards?status=SUBMITTED", "/hazards/" + hazards.get(0).id());
		assertThat(entry(officer, "todo.inspection.thisWeek")).isNotNull();
		assertThat(entry(officer, "todo.inspection.plansToApprove")).as("an officer approves nothing").isNull();
		List<Element> entries = officer.select("#todos a.todo");
		assertThat(entries.stream().map(e -> e.hasClass("list-group-item-warning")).toList())
			.as("the urgent first").isSortedAccordingTo((a, b) -> Boolean.compare(b, a));
		long total = entries.stream().mapToLong(e -> Long.parseLong(e.selectFirst(".todo-count").text().replace(",", ""))).sum();
		assertThat(officer.selectFirst("#todo-count").text()).as("the navigation's count on the home page")
			.isEqualTo(total > 99 ? "99+" : String.valueOf(total));
		assertThat(page("putuo", "/todos/count", Locale.SIMPLIFIED_CHINESE).selectFirst("#todo-count").text())
			.as("the count other pages load").isEqualTo(total > 99 ? "99+" : String.valueOf(total));

		Document legal = home("legal");
		assertThat(entry(legal, "todo.inspection.unverifiedItems").attr("href")).isEqualTo("/checklists?status=UNVERIFIED");
		// the case files drawn for review wait too when another test has drawn some
		assertThat(legal.select("#todos a.todo").eachAttr("data-todo")).as("the legal reviewer's work only")
			.contains("todo.inspection.unverifiedItems")
			.isSubsetOf("todo.inspection.unverifiedItems", "todo.penalty.caseFilesToReview");

		Document admin = home("admin");
		assertThat(entry(admin, "todo.trigger.silentSources").attr("href")).isEqualTo("/admin/alarm-sources");
		assertThat(entry(admin, "todo.trigger.silentSources").text()).contains("从未报送");
		assertThat(entry(admin, "todo.inspection.unverifiedItems")).isNotNull();

		Document enterprise = home(enterpriseUser);
		Element due = entry(enterprise, "todo.hazard.due");
		assertThat(due.attr("href")).isEqualTo("/my/hazards/" + hazards.get(1).id());
		assertThat(due.text()).contains("隐患待整改", "天后到期");
		assertThat(due.selectFirst(".todo-count").text()).isEqualTo("1");
		assertThat(entry(enterprise, "todo.inspection.toRate").attr("href")).isEqualTo("/p/ic/" + finished.codeToken());
		assertThat(enterprise.select("#todos a.todo").stream().map(e -> e.attr("data-todo")).toList())
			.as("hazards before ratings").containsExactly("todo.hazard.due", "todo.inspection.toRate");

		Document english = page(enterpriseUser, "/?lang=en", Locale.ENGLISH);
		assertThat(entry(english, "todo.hazard.due").text()).contains("Hazards to rectify", "The nearest is due in");
		assertThat(entry(english, "todo.inspection.toRate").text()).contains("Inspections to rate");
	}

	@Test
	void nothingWaitingSaysSoAndTheBadgeIsEmpty() throws Exception {
		String quiet = fixtures.enterpriseUser(fixtures.enterprise(PUTUO, "首页无待办企业"));
		Document home = home(quiet);
		assertThat(home.selectFirst("#no-todos").text()).isEqualTo("暂无待办事项。");
		assertThat(home.selectFirst("#todo-count")).isNull();
		MockHttpServletResponse count = mvc.perform(get("/todos/count").with(as(quiet))).andReturn().getResponse();
		assertThat(count.getStatus()).isEqualTo(200);
		assertThat(count.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("todo-count");
	}

	@Test
	void otherPagesLoadTheNavigationsCountAfterwards() throws Exception {
		Document enterprises = page("putuo", "/enterprises", Locale.SIMPLIFIED_CHINESE);
		Element badge = enterprises.selectFirst("#todo-count");
		assertThat(badge.attr("hx-get")).isEqualTo("/todos/count");
		assertThat(badge.attr("hx-trigger")).isEqualTo("load");
	}

	@Test
	void theNavigationOffersEachRoleOnlyWhatItMayOpen() throws Exception {
		assertThat(navigation("legal")).containsExactly("/", "/enterprises", "/grading", "/watch-list", "/penalty-cases", "/penalty-reviews",
				"/checklists", "/organization/bodies", "/organization/officers", "/organization/experts");
		assertThat(navigation("admin")).contains("/triggers", "/admin/users", "/checklists", "/calendar")
			.doesNotContain("/plans", "/inspections", "/hazards");
		assertThat(navigation("leader")).contains("/plans", "/inspections", "/hazards", "/triggers", "/penalty-cases", "/penalty-reviews")
			.doesNotContain("/admin/users", "/checklists");
		assertThat(navigation("putuo")).contains("/plans", "/inspections", "/hazards", "/triggers", "/grading")
			.doesNotContain("/admin/users");
		assertThat(navigation("putuo-qiye")).containsExactly("/", "/enterprises", "/my/inspections", "/my/hazards",
				"/my/penalty-cases");
	}

	/** The addresses the navigation offers, in order; not the menus' toggles, the language switch or the logout. */
	List<String> navigation(String username) throws Exception {
		return home(username).select("nav.navbar #nav a[href]").stream().map(a -> a.attr("href"))
			.filter(href -> href.startsWith("/")).toList();
	}
}
