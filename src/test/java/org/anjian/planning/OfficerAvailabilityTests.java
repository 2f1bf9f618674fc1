package org.anjian.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.planning.internal.OfficerAvailability;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Officers' conflicts of interest (回避) and absences: who may record them for whom, the rules that refuse bad
 * declarations and overlapping absences without storing anything, and withdrawn declarations kept with who
 * withdrew them and when. As the demo officer 刘洋 ({@code putuo}), a leader of the 普陀 brigade created here,
 * and the street officer of 长征镇, another body inside 普陀.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OfficerAvailabilityTests {

	private static final String BRIGADE_LEADER = "putuo-brigade-leader";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UserAccounts accounts;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OfficerAvailability availability;

	@Autowired
	Clock clock;

	long brigade;

	long liuYang;

	long zhaoLei;

	long heChen;

	String enterprise;

	@BeforeEach
	void staff() {
		asSystem(() -> {
			liuYang = officer("31010700201");
			zhaoLei = officer("31010700202");
			heChen = officer("31010710201");
			brigade = jdbc.sql("select id from enforcement_body where jurisdiction_code = '310107'").query(Long.class)
				.single();
			if (accounts.findByUsername(BRIGADE_LEADER).isEmpty()) {
				accounts.save(UserAccount.open(BRIGADE_LEADER, "普陀大队队长", "x", Set.of(Role.LEADER),
						JurisdictionScope.district("310107"), brigade));
			}
			enterprise = registry.register(TestEnterprises.smallWorkshop("310107", "310107102", "回避测试机械加工厂")).uscc();
		});
	}

	private long officer(String badge) {
		return jdbc.sql("select id from officer where badge_number = :b").param("b", badge).query(Long.class).single();
	}

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	ResultActions postJson(String username, String uri, String json) throws Exception {
		return mvc.perform(post(uri).with(as(username)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	String body(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString();
	}

	long recusals(long officer) {
		return asSystem(() -> jdbc.sql("select count(*) from officer_recusal where officer_id = :o")
			.param("o", officer).query(Long.class).single());
	}

	long absences(long officer) {
		return asSystem(() -> jdbc.sql("select count(*) from officer_absence where officer_id = :o")
			.param("o", officer).query(Long.class).single());
	}

	static long id(String json) {
		Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
		assertThat(m.find()).as("an id in %s", json).isTrue();
		return Long.parseLong(m.group(1));
	}

	@Test
	void anOfficerDeclaresTheirOwnConflictAndASecondActiveDeclarationForTheSameEnterpriseIsRefused() throws Exception {
		String uri = "/api/officers/" + liuYang + "/recusals";
		String declared = body(postJson("putuo", uri, "{\"uscc\":\"" + enterprise.toLowerCase() + "\",\"reason\":\"配偶在该企业任职\"}")
			.andExpect(status().isCreated()));
		assertThat(declared).contains(enterprise, "回避测试机械加工厂", "配偶在该企业任职", "\"declaredBy\":\"putuo\"");
		long before = recusals(liuYang);
		String refused = body(postJson("putuo", uri, "{\"uscc\":\"" + enterprise + "\",\"reason\":\"再次申报\"}")
			.andExpect(status().isBadRequest()));
		assertThat(refused).contains("已有有效的回避申报");
		assertThat(recusals(liuYang)).isEqualTo(before);
		assertThat(body(mvc.perform(get(uri).with(as("putuo"))).andExpect(status().isOk()))).contains(enterprise);
		assertThat(body(mvc.perform(get("/api/recusals").with(as(BRIGADE_LEADER))).andExpect(status().isOk())))
			.contains(enterprise, "配偶在该企业任职");
	}

	@Test
	void aWithdrawnDeclarationIsKeptWithWhoWithdrewItAndWhenAndMayBeDeclaredAgain() throws Exception {
		String uri = "/api/officers/" + liuYang + "/recusals";
		long id = id(body(postJson("putuo", uri, "{\"uscc\":\"" + enterprise + "\",\"reason\":\"曾在该企业任安全主管\"}")
			.andExpect(status().isCreated())));
		String withdrawn = body(postJson(BRIGADE_LEADER, uri + "/" + id + "/withdrawal", "{}").andExpect(status().isOk()));
		assertThat(withdrawn).contains("\"withdrawnBy\":\"" + BRIGADE_LEADER + "\"", "\"active\":false").doesNotContain("\"withdrawnAt\":null");
		assertThat(body(mvc.perform(get(uri).with(as("putuo"))))).doesNotContain("曾在该企业任安全主管");
		assertThat(body(mvc.perform(get(uri).param("withdrawn", "true").with(as("putuo")))))
			.contains("曾在该企业任安全主管", BRIGADE_LEADER);
		assertThat(body(postJson("putuo", uri + "/" + id + "/withdrawal", "{}").andExpect(status().isBadRequest())))
			.contains("已于", "撤回");
		postJson("putuo", uri, "{\"uscc\":\"" + enterprise + "\",\"reason\":\"再次任职\"}").andExpect(status().isCreated());
		Long kept = asSystem(() -> jdbc.sql("select count(*) from officer_recusal where id = :id"
				+ " and withdrawn_by = :by and withdrawn_at is not null").param("id", id).param("by", BRIGADE_LEADER)
			.query(Long.class).single());
		assertThat(kept).isEqualTo(1);
	}

	@Test
	void aDeclarationNeedsAValidCodeOfAKnownEnterpriseAndAReasonAndStoresNothingOtherwise() throws Exception {
		String uri = "/api/officers/" + liuYang + "/recusals";
		long before = recusals(liuYang);
		String badCheck = enterprise.substring(0, 17) + (enterprise.charAt(17) == '0' ? '1' : '0');
		assertThat(body(postJson("putuo", uri, "{\"uscc\":\"" + badCheck + "\",\"reason\":\"亲属\"}")
			.andExpect(status().isBadRequest()))).contains("校验位");
		assertThat(body(postJson("putuo", uri, "{\"uscc\":\"" + TestEnterprises.code("310107") + "\",\"reason\":\"亲属\"}")
			.andExpect(status().isBadRequest()))).contains("不存在");
		assertThat(body(postJson("putuo", uri, "{\"uscc\":\"" + enterprise + "\",\"reason\":\"  \"}")
			.andExpect(status().isBadRequest()))).contains("请填写回避理由");
		assertThat(recusals(liuYang)).isEqualTo(before);
	}

	@Test
	void anOfficerRecordsNeitherForAColleagueNorForAnOfficerOfAnotherBody() throws Exception {
		String json = "{\"uscc\":\"" + enterprise + "\",\"reason\":\"代为申报\"}";
		postJson("putuo", "/api/officers/" + zhaoLei + "/recusals", json).andExpect(status().isForbidden());
		postJson("putuo", "/api/officers/" + heChen + "/recusals", json).andExpect(status().isForbidden());
		// the brigade's leader acts for the brigade's officers, not for those of a street body within the district
		postJson(BRIGADE_LEADER, "/api/officers/" + heChen + "/recusals", json).andExpect(status().isForbidden());
		LocalDate from = LocalDate.now(clock).plusDays(400);
		postJson(BRIGADE_LEADER, "/api/officers/" + heChen + "/absences",
				"{\"startsOn\":\"" + from + "\",\"endsOn\":\"" + from + "\",\"reason\":\"培训\"}")
			.andExpect(status().isForbidden());
		// the pages refuse the same
		mvc.perform(post("/officers/" + heChen + "/recusals").param("uscc", enterprise).param("reason", "代为申报")
			.with(as("putuo")).with(csrf())).andExpect(status().isForbidden());
		assertThat(recusals(zhaoLei)).isZero();
		assertThat(recusals(heChen)).isZero();
		assertThat(absences(heChen)).isZero();
		// an officer of another district does not even find them
		postJson("pudong", "/api/officers/" + liuYang + "/recusals", json).andExpect(status().isNotFound());
	}

	@Test
	void aLeaderOfTheBodyRecordsAnAbsenceAndAnOverlappingOneIsRefused() throws Exception {
		String uri = "/api/officers/" + zhaoLei + "/absences";
		LocalDate from = LocalDate.now(clock).plusDays(500);
		LocalDate to = from.plusDays(4);
		postJson("putuo", uri, "{\"startsOn\":\"" + from + "\",\"endsOn\":\"" + to + "\",\"reason\":\"年休假\"}")
			.andExpect(status().isForbidden());
		long id = id(body(postJson(BRIGADE_LEADER, uri,
				"{\"startsOn\":\"" + from + "\",\"endsOn\":\"" + to + "\",\"reason\":\"年休假\"}")
			.andExpect(status().isCreated())));
		long before = absences(zhaoLei);
		assertThat(body(postJson(BRIGADE_LEADER, uri, "{\"startsOn\":\"" + to + "\",\"endsOn\":\"" + to.plusDays(2)
				+ "\",\"reason\":\"脱产培训\"}").andExpect(status().isBadRequest()))).contains("重叠", "年休假");
		assertThat(body(postJson(BRIGADE_LEADER, uri, "{\"startsOn\":\"" + from.minusDays(3) + "\",\"endsOn\":\""
				+ to.plusDays(3) + "\",\"reason\":\"借调\"}").andExpect(status().isBadRequest()))).contains("重叠");
		assertThat(body(postJson(BRIGADE_LEADER, uri, "{\"startsOn\":\"" + to + "\",\"endsOn\":\"" + from
				+ "\",\"reason\":\"培训\"}").andExpect(status().isBadRequest()))).contains("早于开始日期");
		assertThat(body(postJson(BRIGADE_LEADER, uri, "{\"startsOn\":\"" + from + "\",\"endsOn\":\""
				+ LocalDate.now(clock).plusYears(3) + "\",\"reason\":\"培训\"}").andExpect(status().isBadRequest())))
			.contains("两年");
		assertThat(body(postJson(BRIGADE_LEADER, uri, "{\"startsOn\":\"2026-13-01\",\"endsOn\":\"" + to
				+ "\",\"reason\":\"培训\"}").andExpect(status().isBadRequest()))).contains("不是有效日期");
		assertThat(absences(zhaoLei)).isEqualTo(before);
		// the day after the absence is free again
		long next = id(body(postJson(BRIGADE_LEADER, uri, "{\"startsOn\":\"" + to.plusDays(1) + "\",\"endsOn\":\""
				+ to.plusDays(1) + "\",\"reason\":\"培训\"}").andExpect(status().isCreated())));
		assertThat(body(mvc.perform(get(uri).with(as("putuo"))).andExpect(status().isOk()))).contains("年休假", from.toString());
		assertThat(body(mvc.perform(get("/api/absences").with(as("putuo"))).andExpect(status().isOk()))).contains("年休假");
		assertThat(body(mvc.perform(get("/api/absences").param("from", to.plusDays(1).toString()).with(as("putuo")))))
			.doesNotContain("年休假");
		for (long absence : new long[] { id, next }) {
			mvc.perform(delete(uri + "/" + absence).with(as(BRIGADE_LEADER)).with(csrf())).andExpect(status().isOk());
		}
		mvc.perform(delete(uri + "/" + id).with(as(BRIGADE_LEADER)).with(csrf())).andExpect(status().isNotFound());
		assertThat(absences(zhaoLei)).isEqualTo(before - 1);
	}

	@Test
	void theAvailabilityPageListsTheBodysOfficersWithOnlyTheFormsTheCallerMayUse() throws Exception {
		long recusal = id(body(postJson("putuo", "/api/officers/" + liuYang + "/recusals",
				"{\"uscc\":\"" + enterprise + "\",\"reason\":\"页面测试\"}").andExpect(status().isCreated())));
		String asOfficer = body(mvc.perform(get("/officers/availability").with(as("putuo"))).andExpect(status().isOk()));
		assertThat(asOfficer).contains("刘洋", "赵磊", "页面测试", "/officers/" + liuYang + "/recusals")
			.doesNotContain("/officers/" + zhaoLei + "/recusals", "/officers/" + liuYang + "/absences", "何晨");
		String asLeader = body(mvc.perform(get("/officers/availability").with(as(BRIGADE_LEADER))).andExpect(status().isOk()));
		assertThat(asLeader).contains("/officers/" + zhaoLei + "/recusals", "/officers/" + zhaoLei + "/absences", "_csrf");

		LocalDate from = LocalDate.now(clock).plusDays(600);
		mvc.perform(post("/officers/" + zhaoLei + "/absences").param("startsOn", from.toString())
				.param("endsOn", from.toString()).param("reason", "页面登记").with(as(BRIGADE_LEADER)).with(csrf()))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done",
					org.hamcrest.Matchers.containsString("已登记")));
		mvc.perform(post("/officers/" + zhaoLei + "/absences").param("startsOn", from.toString())
				.param("endsOn", from.toString()).param("reason", "重复").with(as(BRIGADE_LEADER)).with(csrf()))
			.andExpect(flash().attribute("refused", org.hamcrest.Matchers.containsString("重叠")));
		long absence = asSystem(() -> jdbc.sql("select id from officer_absence where officer_id = :o"
				+ " and reason = '页面登记'").param("o", zhaoLei).query(Long.class).single());
		assertThat(body(mvc.perform(get("/officers/availability").with(as(BRIGADE_LEADER))))).contains("页面登记");
		mvc.perform(post("/officers/" + zhaoLei + "/absences/" + absence + "/removal").with(as(BRIGADE_LEADER))
			.with(csrf())).andExpect(flash().attribute("done", org.hamcrest.Matchers.containsString("已删除")));

		assertThat(asSystem(() -> availability.recusals(liuYang, false)))
			.extracting(OfficerAvailability.Recusal::uscc).as("recused").contains(enterprise);

		// withdrawn on the page, the declaration leaves the list and stays in its history
		mvc.perform(post("/officers/" + liuYang + "/recusals/" + recusal + "/withdrawal").with(as("putuo")).with(csrf()))
			.andExpect(flash().attribute("done", org.hamcrest.Matchers.containsString("已撤回")));
		assertThat(body(mvc.perform(get("/officers/availability").with(as("putuo"))))).doesNotContain("页面测试");
		assertThat(body(mvc.perform(get("/officers/availability").param("history", "true").with(as("putuo")))))
			.contains("页面测试", "已由 刘洋（普陀区应急管理局执法大队） 于").doesNotContain("已由 putuo");
	}
}
