package org.anjian;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.hazard.internal.HazardGenerator;
import org.anjian.identity.Role;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.inspection.internal.InspectionRecords;
import org.anjian.inspection.internal.OnSitePlans;
import org.anjian.organization.Certification;
import org.anjian.organization.ExpertDetails;
import org.anjian.organization.OfficerDetails;
import org.anjian.organization.Organization;
import org.anjian.planning.AnnualPlan;
import org.anjian.planning.PlanComposition;
import org.anjian.planning.PlanSchedule;
import org.anjian.planning.Planning;
import org.anjian.shared.JurisdictionScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No page is wider than the screen: logged in as each role of the demo (and as an enterprise's user), the crawler opens
 * every page of the navigation (its menus opened) and the first page each of them links to in its content (one per
 * path, numbers and codes aside), at 390 × 844 (a phone) and at 1280 × 800, and fails on a page whose document scrolls
 * sideways — naming the page and the element that sticks out furthest — or on a navigation link that answers an error.
 * The public pages are crawled the same way without login, from a published plan, its draws and an inspection code.
 *
 * <p>The data it runs on has long lists (a year of generated hazards, the checklist library, the city's bodies) and
 * long names (an enterprise, its hazard's finding, an officer and an expert's organisation), arranged through the
 * modules' services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageWidthTests {

	record Viewport(int width, int height, boolean phone) {

		@Override
		public String toString() {
			return width + "px";
		}
	}

	static final List<Viewport> VIEWPORTS = List.of(new Viewport(390, 844, true), new Viewport(1280, 800, false));

	/** The demo's staff (README); the enterprise's user is made for the test. */
	static final List<String> STAFF = List.of("admin", "city", "putuo", "pudong", "leader", "legal", "changzheng",
			"lujiazui");

	/**
	 * Navigation links that still lead some roles to a refusal on this branch: issue 13's navigation (build item 6,
	 * {@code layout.html}) shows each role only what it may open, on another branch. Each pair must still answer 403
	 * here; once the navigation no longer offers it, or the page opens, the test says so and the line goes.
	 */
	static final Set<String> NAVIGATION_BEING_FIXED = Set.of();

	/** Long names, as registers hold them: a branch's full name, and an unbroken run of Latin letters and digits. */
	static final String LONG_NAME = "上海长征精密机械制造股份有限公司普陀区长征镇真北路第二生产基地（集团）"
			+ "SHANGHAICHANGZHENGPRECISIONMACHINERY2026";

	static final String LONG_FINDING = "2号地下污水池有限空间作业未审批、未设监护人、未先通风再检测后作业，"
			+ "现场作业人员未佩戴正压式空气呼吸器；检测记录编号WS-2026-CHANGZHENG-000000000000000000001缺失";

	static final Pattern NUMBER = Pattern.compile("\\d+");
	static final Pattern CODE = Pattern.compile("[0-9A-Z]{18}|[A-Za-z0-9_-]{20,}");

	/** Finds, when the document scrolls sideways, what sticks out furthest outside any element that scrolls itself. */
	static final String WIDEST = """
			() => {
			  const width = window.innerWidth;
			  const scrollWidth = document.documentElement.scrollWidth;
			  if (scrollWidth <= width) return null;
			  const clipped = e => {
			    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
			      if (getComputedStyle(p).overflowX !== 'visible') return true;
			    }
			    return false;
			  };
			  let widest = null, right = width;
			  for (const e of document.body.querySelectorAll('*')) {
			    const r = e.getBoundingClientRect();
			    if (r.width > 0 && r.right > right + 0.5 && !clipped(e)) { widest = e; right = r.right; }
			  }
			  const name = widest === null ? '?' : widest.tagName.toLowerCase() + (widest.id ? '#' + widest.id : '')
			      + (widest.className && typeof widest.className === 'string'
			         ? '.' + widest.className.trim().split(/\\s+/).join('.') : '');
			  const text = widest === null ? '' : (widest.innerText || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
			  return 'scrollWidth ' + scrollWidth + ' > ' + width + ', widest ' + name + ' (right ' + Math.round(right)
			      + ' px) "' + text + '"';
			}""";

	static Playwright playwright;
	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	UserAccounts accounts;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Inspections inspections;

	@Autowired
	OnSitePlans onSitePlans;

	@Autowired
	InspectionRecords records;

	@Autowired
	Organization organization;

	@Autowired
	Planning planning;

	@Autowired
	PlanComposition composition;

	@Autowired
	PlanSchedule schedule;

	@Autowired
	HazardGenerator generator;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	String enterpriseUser;
	int hazardYear;
	List<String> publicPages = new ArrayList<>();

	@BeforeAll
	void arrangeLongListsAndLongNamesAndLaunchChromium() {
		long putuo = body("310107");
		String suffix = String.valueOf(System.nanoTime() % 1_000_000);
		String uscc = asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107102",
				LONG_NAME + suffix)).uscc());
		enterpriseUser = "kuandu-qiye-" + suffix;
		asSystem(() -> {
			UserAccount account = UserAccount.open(enterpriseUser, "企业安全管理员欧阳·阿卜杜热合曼", passwords.encode("anjian2026"),
					Set.of(Role.ENTERPRISE), JurisdictionScope.district("310107"), null);
			account.linkEnterprise(uscc);
			accounts.save(account);
		});
		Acting.as("leader", () -> organization.appointOfficer(new OfficerDetails("阿卜杜热合曼·买买提依明" + suffix.substring(0, 2),
				"KD" + suffix + "00", putuo, "13800138000", Set.of(Certification.LEAD_INSPECTOR), true, null)));
		Acting.as("putuo", () -> organization.registerExpert(new ExpertDetails("欧阳明远" + suffix,
				"有限空间作业安全与粉尘防爆", "上海市安全生产科学研究院危险化学品与工贸行业安全技术研究中心（第三方技术服务机构）",
				"注册安全工程师（化工安全）高级工程师", "13900139000", putuo, true, null)));
		finishedInspectionWithAHazard(putuo, uscc);

		// a long hazard list for every jurisdiction: a year of generated hazards, removed again afterwards
		hazardYear = TestYears.fresh();
		asSystem(() -> generator.generate(new HazardGenerator.Figures(hazardYear, 40, 10, 2_000, 500), 13, LocalDate.now()));

		// a published plan of 普陀, scheduled, with its draws
		int planYear = TestYears.fresh();
		AnnualPlan plan = asSystem(() -> planning.open(putuo, planYear, null, "test"));
		asSystem(() -> composition.compose(plan.id()));
		asSystem(() -> schedule.schedule(plan.id()));
		asSystem(() -> planning.submit(plan.id(), null));
		asSystem(() -> planning.approve(plan.id(), "leader", null));
		asSystem(() -> planning.publish(plan.id(), null));
		int month = asSystem(() -> jdbc.sql("select min(planned_month) from plan_item where plan_id = :p")
			.param("p", plan.id()).query(Integer.class).single());
		publicPages.add("/p/plans?month=" + YearMonth.of(planYear, month));
		publicPages.add("/p/plans/annual?year=" + planYear);
		publicPages.add("/p/plans/commitments");
		asSystem(() -> planning.draws(plan.id())).stream().limit(1).forEach(d -> publicPages.add("/p/draws/" + d));

		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
			.setExecutablePath(chromium())
			.setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync")));
	}

	/** 普陀's officers inspect the long-named enterprise by hand and find a hazard with a long finding. */
	private void finishedInspectionWithAHazard(long putuo, String uscc) {
		List<Long> officers = asSystem(() -> jdbc.sql("""
				select id from officer where body_id = :b and active and 'LEAD_INSPECTOR' = any(certifications)
				order by id limit 2""").param("b", putuo).query(Long.class).list());
		long task = asSystem(() -> {
			InspectionTask opened = inspections.open(putuo, uscc, "页面宽度测试：有限空间专项督查", List.of("安全生产责任制落实",
					"有限空间作业安全"), LocalDate.now(), "putuo");
			inspections.assign(opened.id(), officers.get(0), officers.get(1), null);
			onSitePlans.assemble(opened.id());
			inspections.submitPlan(opened.id(), null);
			inspections.approvePlan(opened.id(), "leader", null);
			List<OnSitePlans.PlannedItem> items = onSitePlans.items(opened.id());
			for (int i = 0; i < items.size(); i++) {
				boolean last = i == items.size() - 1;
				records.record(opened.id(), items.get(i).checklistItemId(),
						last ? InspectionRecords.Outcome.FAIL : InspectionRecords.Outcome.PASS, last ? LONG_FINDING : null,
						null, null, "putuo");
			}
			records.finish(opened.id(), null);
			return opened.id();
		});
		await().atMost(java.time.Duration.ofSeconds(30)).until(() -> asSystem(() -> jdbc.sql(
				"select count(*) from hazard where task_id = :t").param("t", task).query(Long.class).single()) > 0);
		String token = asSystem(() -> inspections.task(task).codeToken());
		publicPages.add("/p/ic/" + token);
	}

	@AfterAll
	void removeTheGeneratedYearAndCloseChromium() {
		asSystem(() -> transactions.executeWithoutResult(status -> {
			jdbc.sql("select set_config('anjian.bulk', 'on', true)").query((rs, n) -> 1).list();
			jdbc.sql("delete from hazard where found_at >= make_timestamptz(:y, 1, 1, 0, 0, 0, 'Asia/Shanghai')"
					+ " and found_at < make_timestamptz(:y + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')")
				.param("y", hazardYear).update();
			jdbc.sql("delete from hazard_generation where year = :y").param("y", hazardYear).update();
		}));
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	List<String> users() {
		List<String> users = new ArrayList<>(STAFF);
		users.add(enterpriseUser);
		return users;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("users")
	void noPageOfTheNavigationNorTheFirstPageItLinksToIsWiderThanTheScreen(String user) {
		List<String> problems = new ArrayList<>();
		List<String> pages;
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)
			.setLocale("zh-CN"))) {
			Page page = context.newPage();
			logIn(page, user);
			List<String> navigation = navigation(page);
			assertThat(navigation).as("the navigation of " + user).isNotEmpty();
			Map<String, Integer> answers = new LinkedHashMap<>();
			pages = crawl(page, navigation, answers);
			answers.forEach((link, status) -> {
				String pair = user + " " + link;
				if (NAVIGATION_BEING_FIXED.contains(pair)) {
					if (status != 403) {
						problems.add(pair + " answers " + status + " now: remove it from NAVIGATION_BEING_FIXED");
					}
				}
				else if (status >= 400) {
					problems.add(user + ": the navigation's " + link + " answers " + status);
				}
			});
		}
		for (Viewport viewport : VIEWPORTS) {
			try (BrowserContext context = context(viewport)) {
				Page page = context.newPage();
				logIn(page, user);
				if (viewport.phone()) {
					problems.addAll(menusAtPhoneWidth(page, user));
				}
				for (String link : pages) {
					measure(page, link, user + " " + viewport).ifPresent(problems::add);
				}
			}
		}
		assertThat(problems).as("pages wider than the screen, or links that fail, for " + user).isEmpty();
	}

	@Test
	void noPublicPageOfAPublishedPlanADrawOrAnInspectionCodeIsWiderThanTheScreen() {
		List<String> problems = new ArrayList<>();
		List<String> pages;
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)
			.setLocale("zh-CN"))) {
			Map<String, Integer> answers = new LinkedHashMap<>();
			pages = crawl(context.newPage(), publicPages, answers);
			answers.forEach((link, status) -> {
				if (status >= 400) {
					problems.add("public: " + link + " answers " + status);
				}
			});
		}
		assertThat(pages).anyMatch(p -> p.startsWith("/p/draws/")).anyMatch(p -> p.startsWith("/p/ic/"));
		for (Viewport viewport : VIEWPORTS) {
			try (BrowserContext context = context(viewport)) {
				Page page = context.newPage();
				for (String link : pages) {
					measure(page, link, "public " + viewport).ifPresent(problems::add);
				}
			}
		}
		assertThat(problems).as("public pages wider than the screen, or links that fail").isEmpty();
	}

	/** The check itself: a page whose content is wider than a phone fails, naming what sticks out. */
	@Test
	void theCheckNamesTheElementThatSticksOut() {
		try (BrowserContext context = context(VIEWPORTS.get(0))) {
			Page page = context.newPage();
			page.setContent("<html><body><div style='width:200px'><p id='wide' style='width:600px'>x</p></div>"
					+ "<div style='overflow-x:auto'><table style='width:900px'><tr><td>scrolls inside</td></tr></table></div>"
					+ "</body></html>");
			assertThat((String) page.evaluate(WIDEST)).contains("p#wide", "right 608 px");
			page.setContent("<html><body><div style='overflow-x:auto'><table style='width:900px'><tr><td>x</td></tr>"
					+ "</table></div></body></html>");
			assertThat(page.evaluate(WIDEST)).isNull();
		}
	}

	/** The links of the navigation bar and of its menus, each opened as a user would. */
	private List<String> navigation(Page page) {
		page.navigate(url("/"));
		for (var toggle : page.locator("#nav .dropdown-toggle").all()) {
			toggle.click();
		}
		Set<String> links = new LinkedHashSet<>();
		for (var link : page.locator("#nav a[href]").all()) {
			String href = link.getAttribute("href");
			if (followed(href)) {
				links.add(path(href));
			}
		}
		return new ArrayList<>(links);
	}

	/**
	 * The given pages and, from each, the first page its content links to per path pattern (numbers and codes set
	 * aside): the pages to measure. What each given page answered goes into {@code answers}.
	 */
	private List<String> crawl(Page page, List<String> start, Map<String, Integer> answers) {
		Set<String> patterns = new LinkedHashSet<>();
		List<String> pages = new ArrayList<>();
		for (String link : start) {
			patterns.add(pattern(link));
			pages.add(link);
		}
		for (String link : start) {
			Response response = page.navigate(url(link));
			answers.put(link, response == null ? 0 : response.status());
			if (response == null || response.status() >= 400) {
				continue;
			}
			for (var anchor : page.locator("main a[href]").all()) {
				String href = anchor.getAttribute("href");
				if (!followed(href) || anchor.getAttribute("download") != null) {
					continue;
				}
				String target = path(href);
				if (patterns.add(pattern(target))) {
					pages.add(target);
				}
			}
		}
		return pages;
	}

	/** Opens a page and tells what is wrong with it: an error, or a document wider than the screen. */
	private java.util.Optional<String> measure(Page page, String link, String who) {
		Response response = page.navigate(url(link));
		if (response != null && response.status() >= 400) {
			return java.util.Optional.of(who + ": " + link + " answers " + response.status());
		}
		Object wider = page.evaluate(WIDEST);
		return wider == null ? java.util.Optional.empty() : java.util.Optional.of(who + ": " + link + " " + wider);
	}

	/** At phone width the collapsed bar unfolds and each menu opens within the screen. */
	private List<String> menusAtPhoneWidth(Page page, String user) {
		List<String> problems = new ArrayList<>();
		page.navigate(url("/"));
		page.locator(".navbar-toggler").click();
		com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#nav"))
			.hasClass(Pattern.compile("\\bshow\\b"));
		for (var toggle : page.locator("#nav .dropdown-toggle").all()) {
			toggle.click();
			Object wider = page.evaluate(WIDEST);
			if (wider != null) {
				problems.add(user + " 390px: the menu " + toggle.innerText() + " " + wider);
			}
		}
		return problems;
	}

	private static boolean followed(String href) {
		if (href == null || href.isBlank() || href.startsWith("#") || href.startsWith("javascript:")
				|| href.startsWith("mailto:") || href.startsWith("tel:") || href.contains("lang=")) {
			return false;
		}
		URI uri = URI.create(href);
		if (uri.getHost() != null && !"localhost".equals(uri.getHost())) {
			return false;
		}
		String path = uri.getPath() == null ? "" : uri.getPath();
		return !path.isEmpty() && !path.startsWith("/api/") && !path.startsWith("/actuator") && !path.startsWith("/v3/")
				&& !path.equals("/logout") && !path.matches(".*\\.(pdf|csv|png|jpg|xlsx|json)$");
	}

	/** The page's address within the application (path and query). */
	private static String path(String href) {
		URI uri = URI.create(href);
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

	/** A page's path with its numbers and codes set aside: the detail pages of one list share it. */
	static String pattern(String link) {
		String path = link.replaceFirst("\\?.*", "");
		StringBuilder pattern = new StringBuilder();
		for (String segment : path.split("/")) {
			if (segment.isEmpty()) {
				continue;
			}
			pattern.append('/').append(NUMBER.matcher(segment).matches() || CODE.matcher(segment).matches() ? "{}" : segment);
		}
		return pattern.length() == 0 ? "/" : pattern.toString();
	}

	private BrowserContext context(Viewport viewport) {
		return browser.newContext(new Browser.NewContextOptions().setViewportSize(viewport.width(), viewport.height())
			.setLocale("zh-CN").setIsMobile(viewport.phone()).setHasTouch(viewport.phone()));
	}

	private long body(String jurisdiction) {
		return asSystem(() -> jdbc.sql("select id from enforcement_body where jurisdiction_code = :c")
			.param("c", jurisdiction).query(Long.class).single());
	}

	private String url(String link) {
		return "http://localhost:" + port + link;
	}

	private void logIn(Page page, String username) {
		page.navigate(url("/login"));
		page.locator("#username").fill(username);
		page.locator("#password").fill("anjian2026");
		page.locator("button[type=submit]").click();
		page.waitForURL(url("/"));
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
