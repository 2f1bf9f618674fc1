package org.anjian;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.hazard.internal.HazardGenerator;
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
import org.anjian.shared.Role;
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
 * path, numbers and codes aside, and once for all roles, to keep the run short), at 1280 × 800 and at 390 × 844 (a
 * phone), and fails on a page whose document scrolls sideways — naming the page and the element that sticks out
 * furthest — on a navigation link that answers an error, and on a linked page that answers a server error. The public
 * pages are crawled the same way without login, from a published plan, its draws and an inspection code; a draw's
 * enterprise names keep a readable width on a phone.
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

	static final Viewport PHONE = new Viewport(390, 844, true);

	/** The wide screen first: there the crawler opens the navigation's menus and collects the pages to measure. */
	static final List<Viewport> VIEWPORTS = List.of(new Viewport(1280, 800, false), PHONE);

	/**
	 * One demo account of each role of the README (administrator, city, district and street officers, leader, legal
	 * reviewer); the enterprise's user is made for the test, for an enterprise with a long name.
	 */
	static final List<String> STAFF = List.of("admin", "city", "putuo", "changzheng", "leader", "legal");

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
			  // the layout viewport: the window less its scroll bar (a phone's zoom does not change it)
			  const width = Math.min(window.innerWidth, document.documentElement.clientWidth);
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

	Chromium chromium;

	/** The path patterns of the pages found in the content (detail pages, forms), measured once for all roles. */
	final Set<String> measuredElsewhere = ConcurrentHashMap.newKeySet();

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
	/** A year of this test's own: the generator takes years up to 2100, beyond those of {@link TestYears}. */
	static final int HAZARD_YEAR = 2093;

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
		asSystem(() -> generator.generate(new HazardGenerator.Figures(HAZARD_YEAR, 40, 10, 2_000, 500), 13, LocalDate.now()));

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

		chromium = Chromium.launch();
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
				.param("y", HAZARD_YEAR).update();
			jdbc.sql("delete from hazard_generation where year = :y").param("y", HAZARD_YEAR).update();
		}));
		if (chromium != null) {
			chromium.close();
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
		List<String> pages = new ArrayList<>();
		for (Viewport viewport : VIEWPORTS) {
			try (BrowserContext context = context(viewport)) {
				Page page = context.newPage();
				Chromium.logIn(page, port, user);
				String who = user + " " + viewport;
				if (pages.isEmpty()) {
					// on the wide screen first: the navigation with its menus opened, then what its pages link to
					List<String> navigation = navigation(page);
					assertThat(navigation).as("the navigation of " + user).isNotEmpty();
					pages.addAll(crawl(page, navigation, who, true, problems));
				}
				else {
					problems.addAll(menusAtPhoneWidth(page, user));
					pages.forEach(link -> measure(page, link, who).ifPresent(problems::add));
				}
			}
		}
		System.out.println("PageWidthTests " + user + ": " + pages.size() + " pages at each width " + pages);
		assertThat(problems).as("pages wider than the screen, or links that fail, for " + user).isEmpty();
	}

	@Test
	void noPublicPageOfAPublishedPlanADrawOrAnInspectionCodeIsWiderThanTheScreen() {
		List<String> problems = new ArrayList<>();
		List<String> pages = new ArrayList<>();
		for (Viewport viewport : VIEWPORTS) {
			try (BrowserContext context = context(viewport)) {
				Page page = context.newPage();
				if (pages.isEmpty()) {
					pages.addAll(crawl(page, publicPages, "public " + viewport, false, problems));
				}
				else {
					pages.forEach(link -> measure(page, link, "public " + viewport).ifPresent(problems::add));
				}
			}
		}
		assertThat(pages).anyMatch(p -> p.startsWith("/p/draws/")).anyMatch(p -> p.startsWith("/p/ic/"));
		assertThat(narrowestNameOfADraw(pages.stream().filter(p -> p.startsWith("/p/draws/")).findFirst().orElseThrow()))
			.as("the narrowest enterprise name of the draw's result at 390 px (never a character per line)")
			.isGreaterThanOrEqualTo(120);
		System.out.println("PageWidthTests public: " + pages.size() + " pages at each width " + pages);
		assertThat(problems).as("public pages wider than the screen, or links that fail").isEmpty();
	}

	/** The width in pixels of the narrowest enterprise name in a draw's result, on a phone. */
	private double narrowestNameOfADraw(String draw) {
		try (BrowserContext context = context(PHONE)) {
			Page page = context.newPage();
			page.navigate(url(draw));
			assertThat(page.locator("#result tbody tr").count()).as("the enterprises drawn in " + draw).isPositive();
			return ((Number) page.evaluate("() => Math.min(...[...document.querySelectorAll('#result tbody tr')]"
					+ ".map(r => r.cells[2].getBoundingClientRect().width))")).doubleValue();
		}
	}

	/** As every page of the application starts: a phone lays it out at its own width. */
	static final String VIEWPORT_META = "<html><head><meta name='viewport' content='width=device-width, initial-scale=1'></head>";

	/** The check itself: a page whose content is wider than a phone fails, naming what sticks out. */
	@Test
	void theCheckNamesTheElementThatSticksOut() {
		try (BrowserContext context = context(PHONE)) {
			Page page = context.newPage();
			page.setContent(VIEWPORT_META + "<body><div style='width:200px'><p id='wide' style='width:600px'>x</p></div>"
					+ "<div style='overflow-x:auto'><table style='width:900px'><tr><td>scrolls inside</td></tr></table></div>"
					+ "</body></html>");
			assertThat((String) page.evaluate(WIDEST)).contains("p#wide", "right 608 px");
			page.setContent(VIEWPORT_META + "<body><div style='overflow-x:auto'><table style='width:900px'><tr><td>x</td></tr>"
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
	 * Opens and measures the given pages (one that answers an error is a problem), and the first page their content
	 * links to for each path pattern (numbers and codes set aside) that no page of the list, and for detail pages no
	 * other role, has shown already (one that answers a server error is a problem; one refused is left out): the pages
	 * measured, to measure again at the other width.
	 */
	private List<String> crawl(Page page, List<String> start, String who, boolean shareDetails, List<String> problems) {
		Set<String> patterns = new LinkedHashSet<>();
		start.forEach(link -> patterns.add(pattern(link)));
		List<String> measured = new ArrayList<>();
		List<String> found = new ArrayList<>();
		for (String link : start) {
			Response response = page.navigate(url(link));
			int status = response == null ? 0 : response.status();
			if (status >= 400 || status == 0) {
				problems.add(who + ": the link " + link + " answers " + status);
				continue;
			}
			measured.add(link);
			widerThanTheScreen(page, link, who).ifPresent(problems::add);
			for (var anchor : page.locator("main a[href]").all()) {
				String href = anchor.getAttribute("href");
				if (!followed(href) || anchor.getAttribute("download") != null) {
					continue;
				}
				String target = path(href);
				if (patterns.add(pattern(target)) && !(shareDetails && measuredElsewhere.contains(pattern(target)))) {
					found.add(target);
				}
			}
		}
		for (String link : found) {
			Response response = page.navigate(url(link));
			int status = response == null ? 0 : response.status();
			if (status >= 500) {
				problems.add(who + ": " + link + " (linked from a page) answers " + status);
			}
			if (status >= 400 || status == 0) {
				System.out.println("PageWidthTests " + who + ": " + link + " (linked from a page) answers " + status);
				continue;
			}
			if (shareDetails) {
				measuredElsewhere.add(pattern(link));
			}
			measured.add(link);
			widerThanTheScreen(page, link, who).ifPresent(problems::add);
		}
		return measured;
	}

	/** Opens a page and tells what is wrong with it: an error, or a document wider than the screen. */
	private Optional<String> measure(Page page, String link, String who) {
		Response response = page.navigate(url(link));
		if (response != null && response.status() >= 400) {
			return Optional.of(who + ": " + link + " answers " + response.status());
		}
		return widerThanTheScreen(page, link, who);
	}

	/** Once the fragments the page loads have come (htmx), whether its document scrolls sideways and why. */
	private static Optional<String> widerThanTheScreen(Page page, String link, String who) {
		page.waitForFunction("() => !document.querySelector('.htmx-request')");
		Object wider = page.evaluate(WIDEST);
		return wider == null ? Optional.empty() : Optional.of(who + ": " + link + " " + wider);
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
		return chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(viewport.width(), viewport.height())
			.setLocale("zh-CN").setIsMobile(viewport.phone()).setHasTouch(viewport.phone()));
	}

	private long body(String jurisdiction) {
		return asSystem(() -> jdbc.sql("select id from enforcement_body where jurisdiction_code = :c")
			.param("c", jurisdiction).query(Long.class).single());
	}

	private String url(String link) {
		return "http://localhost:" + port + link;
	}
}
