package org.anjian;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.hazard.internal.HazardGenerator;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every long list is paged by the one pager: it offers a window of pages around the one shown (never a link to every
 * page), its links keep the list's filters, and a page beyond the last shows the last one (or, past a capped count,
 * an empty page) with the pager — never an error. The lists run on the demo data (3,600 enterprises, 123 checklist
 * items, 232 bodies) and on a year of generated hazards, removed afterwards.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPagingTests {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	/** Who opens which list (the anonymous public: null). */
	record Opened(String user, String path) {

		@Override
		public String toString() {
			return (user == null ? "anonymous" : user) + " " + path;
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	UserAccounts accounts;

	@Autowired
	HazardGenerator generator;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	/** A year of this test's own: the generator takes years up to 2100, beyond those of {@link TestYears}. */
	static final int HAZARD_YEAR = 2092;

	String enterpriseUser;
	long ownHazard;

	@BeforeAll
	void aYearOfHazardsAndAnEnterpriseWithManyOfThem() {
		asSystem(() -> generator.generate(new HazardGenerator.Figures(HAZARD_YEAR, 60, 10, 400, 200), 17, LocalDate.now()));
		String uscc = asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107005",
				"分页测试企业" + SEQUENCE.incrementAndGet())).uscc());
		ownHazard = asSystem(() -> jdbc.sql("""
				insert into hazard (district_code, street_code, uscc, description, major, status, found_at, deadline)
				select '310107', '310107005', :uscc, '分页测试隐患 ' || n, false, 'RECTIFYING',
				       make_timestamptz(:year, 3, 1, 9, 0, 0, 'Asia/Shanghai'), make_date(:year, 4, 1) + n
				from generate_series(1, 45) n
				returning id""").param("uscc", uscc).param("year", HAZARD_YEAR).query(Long.class).list().get(0));
		enterpriseUser = "qiye-paging-" + SEQUENCE.incrementAndGet();
		asSystem(() -> {
			UserAccount account = UserAccount.open(enterpriseUser, "企业安全员", "x", Set.of(Role.ENTERPRISE),
					JurisdictionScope.district("310107"), null);
			account.linkEnterprise(uscc);
			accounts.save(account);
		});
	}

	@AfterAll
	void removeTheYear() {
		asSystem(() -> transactions.executeWithoutResult(status -> {
			jdbc.sql("select set_config('anjian.bulk', 'on', true)").query((rs, n) -> 1).list();
			jdbc.sql("delete from hazard where found_at >= make_timestamptz(:y, 1, 1, 0, 0, 0, 'Asia/Shanghai')"
					+ " and found_at < make_timestamptz(:y + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')")
				.param("y", HAZARD_YEAR).update();
			jdbc.sql("delete from hazard_generation where year = :y").param("y", HAZARD_YEAR).update();
		}));
	}

	/** Lists long enough to need many pages. */
	List<Opened> longLists() {
		return List.of(new Opened("city", "/enterprises"), new Opened("city", "/hazards"),
				new Opened("admin", "/organization/bodies"), new Opened("city", "/checklists"),
				new Opened(enterpriseUser, "/my/hazards"));
	}

	/** Every paged list, as someone who reaches it opens it. */
	List<Opened> everyList() {
		return List.of(new Opened("city", "/enterprises"), new Opened("city", "/hazards"),
				new Opened("putuo", "/hazards?overdue=true"), new Opened("city", "/checklists"),
				new Opened("admin", "/organization/bodies"), new Opened("admin", "/organization/officers"),
				new Opened("admin", "/organization/experts"), new Opened("city", "/watch-list"),
				new Opened("city", "/inspections"), new Opened("city", "/plans"), new Opened("city", "/triggers"),
				new Opened("city", "/hazards/listings"), new Opened("putuo", "/hazards/" + ownHazard + "/notices"),
				new Opened("admin", "/admin/users"), new Opened("admin", "/admin/alarm-sources"),
				new Opened("admin", "/admin/penalty-catalogue"), new Opened("admin", "/admin/penalty-catalogue/exemptions"),
				new Opened(enterpriseUser, "/my/hazards"), new Opened(null, "/p/plans"),
				new Opened(null, "/p/plans/commitments"));
	}

	@Test
	void aLongListOffersAWindowOfPagesAroundTheOneShownNotEveryPage() throws Exception {
		for (Opened list : longLists()) {
			Element first = pager(open(list.user(), list.path()), list);
			int last = lastPage(first, list);
			assertThat(last).as("the pages of " + list).isGreaterThan(2);
			assertThat(numbers(first)).as("the window of the first page of " + list)
				.containsExactlyElementsOf(range(1, Math.min(last, 5)));

			Element middle = pager(open(list.user(), list.path() + "?page=3"), list);
			assertThat(active(middle)).as(list + "?page=3").isEqualTo(3);
			assertThat(numbers(middle)).as("the window of page 3 of " + list).hasSizeLessThanOrEqualTo(5).contains(1, 3);
		}
	}

	@Test
	void aPageBeyondTheLastShowsTheLastWithThePagerNeverAnError() throws Exception {
		for (Opened list : everyList()) {
			for (String page : List.of("100000", "0", "-3")) {
				String path = list.path() + (list.path().contains("?") ? "&" : "?") + "page=" + page;
				Document shown = open(list.user(), path);
				Element pager = shown.selectFirst("nav.pager");
				if (pager == null) {
					// one page only: nothing to page, and the page is the list's first
					assertThat(shown.select("main").text()).as(list + " page " + page).isNotBlank();
					continue;
				}
				Element lastLink = pager.selectFirst("a.pager-last");
				int expected = page.equals("100000") ? (lastLink == null ? 100_000 : number(lastLink)) : 1;
				assertThat(active(pager)).as("the page shown for " + path).isEqualTo(expected);
			}
		}
	}

	@Test
	void thePagersLinksKeepTheListsFilters() throws Exception {
		List<Opened> filtered = List.of(new Opened("city", "/hazards?status=VERIFIED&major=false"),
				new Opened("city", "/enterprises?sector=INDUSTRY_TRADE&district=310115"),
				new Opened("admin", "/organization/bodies?level=STREET"),
				new Opened("city", "/checklists?status=VERIFIED"));
		for (Opened list : filtered) {
			var asked = UriComponentsBuilder.fromUriString(list.path()).build().getQueryParams();
			Element pager = pager(open(list.user(), list.path()), list);
			for (Element link : pager.select("a.page-link[href]")) {
				var linked = UriComponentsBuilder.fromUriString(link.attr("href")).build();
				assertThat(linked.getPath()).isEqualTo(list.path().replaceFirst("\\?.*", ""));
				asked.forEach((name, values) -> assertThat(linked.getQueryParams().get(name))
					.as("the filter " + name + " in " + link.attr("href") + " of " + list).isEqualTo(values));
				assertThat(linked.getQueryParams().getFirst("page")).as(link.attr("href")).matches("\\d+");
			}
			Document second = open(list.user(), pager.selectFirst("a.pager-next").attr("href"));
			assertThat(active(pager(second, list))).isEqualTo(2);
		}
	}

	private Document open(String username, String path) throws Exception {
		MockHttpServletRequestBuilder request = get(java.net.URI.create(path));
		if (username != null) {
			request.with(user(users.loadUserByUsername(username)));
		}
		MvcResult result = mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as((username == null ? "anonymous" : username) + " " + path)
			.isEqualTo(200);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	private static Element pager(Document page, Opened list) {
		Element pager = page.selectFirst("nav.pager");
		assertThat(pager).as("the pager of " + list).isNotNull();
		return pager;
	}

	/** The last page's number; for a list counted only up to its cap (超过 10,000 项), as many as there may be. */
	private static int lastPage(Element pager, Opened list) {
		Element last = pager.selectFirst("a.pager-last");
		if (last == null) {
			// what other tests of the run have stored may take a list past the count's cap: no last page is offered
			assertThat(pager.selectFirst(".pager-total").text()).as("the capped total of " + list).startsWith("超过");
			return Integer.MAX_VALUE;
		}
		return number(last);
	}

	/** The numbered pages the pager links to. */
	private static List<Integer> numbers(Element pager) {
		return pager.select("a.page-link").stream().map(Element::text).filter(t -> t.matches("\\d+"))
			.map(Integer::valueOf).toList();
	}

	private static int active(Element pager) {
		Element active = pager.selectFirst("li.active a");
		assertThat(active).as("the page shown, in the pager " + pager).isNotNull();
		return Integer.parseInt(active.text());
	}

	private static int number(Element link) {
		return Integer.parseInt(UriComponentsBuilder.fromUriString(link.attr("href")).build().getQueryParams()
			.getFirst("page"));
	}

	private static List<Integer> range(int from, int to) {
		return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
	}
}
