package org.anjian.planning;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anjian.Acting;
import org.anjian.TestYears;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.grading.Grade;
import org.anjian.planning.internal.CampaignForm;
import org.anjian.planning.internal.PlanCampaigns;
import org.anjian.shared.JurisdictionLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A plan's page says where its candidates come from — the enterprises of its jurisdiction its own body supervises and
 * that are in operation; the others supervised by the city corps or a street, or closed — and counts its items by
 * the same categories as the message of its composition, its campaigns' table and the public annual plan, a
 * campaign's own items as 专项检查 and never as a grade's 重点检查; it names who drew it up and who approved it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlanPageExplanationTests {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);
	private static final Pattern COUNT = Pattern.compile("id=\"count-([A-Z_]+)\">(\\d+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	PlanFixtures fixtures;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	PlanCampaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	String page(String username, String path) throws Exception {
		return mvc.perform(get(path).with(as(username))).andReturn().getResponse().getContentAsString();
	}

	static String number(long n) {
		return NumberFormat.getIntegerInstance(Locale.SIMPLIFIED_CHINESE).format(n);
	}

	@Test
	void thePlanSaysWhereItsCandidatesComeFromAndCountsItsItemsAlikeEverywhere() throws Exception {
		long n = SEQUENCE.incrementAndGet();
		fixtures.districtUnit("310107", "310107005", "候选来源测试机械厂" + n, Grade.C, false, null);
		String byCity = fixtures.districtUnit("310107", "310107005", "候选来源测试市管厂" + n, Grade.D, false, null);
		asSystem(() -> registry.overrideSupervision(byCity, JurisdictionLevel.CITY, "跨区经营（测试）", null));
		fixtures.streetUnit("310107", "310107102", "候选来源测试街镇五金店" + n);
		String closed = fixtures.districtUnit("310107", "310107005", "候选来源测试停业厂" + n, Grade.D, false, null);
		asSystem(() -> registry.suspend(closed));

		String year = String.valueOf(TestYears.fresh());
		String location = mvc.perform(post("/plans").param("year", year).with(as("putuo")).with(csrf())).andReturn()
			.getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring("/plans/".length()));
		Acting.as("putuo", () -> campaigns.add(id, new CampaignForm("候选来源专项" + n, List.of(), List.of(), List.of(),
				List.of(), 3, 5, List.of("专项测试事项"))));
		String composed = (String) mvc.perform(post(location + "/composition").with(as("putuo")).with(csrf()))
			.andReturn().getFlashMap().get("done");
		String draft = page("putuo", location);

		long body = fixtures.body("310107");
		long registered = count("select count(*) from enterprise_register where district_code = '310107'");
		long ours = count("select count(*) from enterprise_register where supervising_body_id = " + body);
		long candidates = count("select count(*) from enterprise_register where supervising_body_id = " + body
				+ " and operating_status = 'OPERATING'");
		assertThat(draft).contains("id=\"candidate-pool\"", "辖区内登记在册的企业共 " + number(registered) + " 家",
				"由普陀区应急管理局执法大队监管的 " + number(ours) + " 家", "在营的 " + number(candidates) + " 家是本计划的候选企业",
				"上海市应急管理局执法总队", "由上海市应急管理局执法总队监管，列入其计划", "长征镇");

		Matcher counts = COUNT.matcher(draft);
		int campaignItems = -1;
		int categories = 0;
		while (counts.find()) {
			categories++;
			ItemCategory category = ItemCategory.valueOf(counts.group(1));
			int value = Integer.parseInt(counts.group(2));
			assertThat(composed).as("the composition's message").contains(category.label() + " " + value + " 户");
			if (category == ItemCategory.CAMPAIGN) {
				campaignItems = value;
			}
		}
		assertThat(categories).isEqualTo(ItemCategory.values().length);
		assertThat(campaignItems).as("the campaign planned the enterprises nothing else did").isPositive();
		assertThat(draft).contains("class=\"campaign-own\">" + campaignItems + "<", "专项检查：候选来源专项" + n)
			.doesNotContain("重点检查（");
		assertThat(draft).contains("id=\"created-by\">刘洋（普陀区应急管理局执法大队）<", "尚未批准");

		mvc.perform(post(location + "/submission").with(as("putuo")).with(csrf()));
		mvc.perform(post(location + "/approval").with(as("leader")).with(csrf()));
		mvc.perform(post(location + "/publication").with(as("putuo")).with(csrf()));
		assertThat(page("putuo", location)).contains("id=\"approved-by\">林志强（上海市应急管理局执法总队 领导）<");
		assertThat(mvc.perform(get("/p/plans/annual").param("year", year)).andReturn().getResponse()
			.getContentAsString()).contains("<td>专项检查</td><td>" + campaignItems + "</td>");
	}

	private long count(String sql) {
		return Acting.as("putuo", () -> jdbc.sql(sql).query(Long.class).single());
	}
}
